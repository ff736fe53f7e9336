package com.example.auth;

class LoginHandlerTest {
}
