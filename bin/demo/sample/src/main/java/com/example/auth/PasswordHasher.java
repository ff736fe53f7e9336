package com.example.auth;

/** Hashes and verifies passwords. */
public interface PasswordHasher {

    boolean matches(String password, String hash);
}
