package com.example.auth;

/** Handles login attempts. */
public class LoginHandler {

    private final UserStore users;
    private final PasswordHasher hasher;

    public LoginHandler(UserStore users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    /** Returns true when the credentials match a known user. */
    public boolean login(LoginRequest request) {
        return users.find(request.username())
                .map(user -> hasher.matches(request.password(), user.passwordHash()))
                .orElse(false);
    }
}
