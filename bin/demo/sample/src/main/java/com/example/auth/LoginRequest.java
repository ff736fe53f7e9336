package com.example.auth;

/** Credentials submitted by the login form. */
public record LoginRequest(String username, String password) {
}
