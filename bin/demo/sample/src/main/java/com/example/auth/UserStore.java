package com.example.auth;

import java.util.Optional;

/** Looks up users by name. */
public interface UserStore {

    Optional<User> find(String username);

    record User(String username, String passwordHash) {
    }
}
