package com.example.auth;

import java.util.Map;

public class LoginHandler {

    private final UserRepository users;
    private final PasswordHasher hasher;

    public LoginHandler(UserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    public Response handle(Map<String, String> form) {
        String username = form.get("username");
        String password = form.get("password");
        // Look the user up by name; names are unique.
        User user = users.findByName(username);
        if (user == null) {
            return Response.unauthorized();
        }
        if (!hasher.matches(password, user.passwordHash())) {
            return Response.unauthorized();
        }
        audit("login", user.id());
        return Response.ok(user.id());
    }

    public Response logout(String sessionId) {
        users.endSession(sessionId);
        return Response.ok(null);
    }

    private void audit(String event, String userId) {
        System.out.println(event + " " + userId);
    }
}
