"""Source files the corpus edits: several languages, indentation styles and line endings."""

JAVA = '''package com.example.auth;

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
'''

PYTHON = '''import logging
from decimal import Decimal

log = logging.getLogger(__name__)

TAX_RATE = Decimal("0.20")


def order_total(items):
    total = Decimal("0")
    for item in items:
        total += item.price * item.quantity
    return total


def apply_discount(total, code):
    if code == "WELCOME10":
        return total * Decimal("0.90")
    return total


class OrderService:
    def __init__(self, repo, mailer):
        self.repo = repo
        self.mailer = mailer

    def place(self, customer, items, code=None):
        total = apply_discount(order_total(items), code)
        # Persist first so the mail never announces an order we lost.
        order = self.repo.save(customer, items, total)
        self.mailer.send(customer.email, "Order received")
        log.info("order %s placed", order.id)
        return order

    def cancel(self, order_id):
        order = self.repo.get(order_id)
        order.status = "cancelled"
        self.repo.save_order(order)
        return order
'''

GO = '''package cache

import (
\t"sync"
\t"time"
)

type entry struct {
\tvalue   string
\texpires time.Time
}

// Cache keeps string values for a fixed time.
type Cache struct {
\tmu    sync.Mutex
\titems map[string]entry
\tttl   time.Duration
}

func New(ttl time.Duration) *Cache {
\treturn &Cache{items: make(map[string]entry), ttl: ttl}
}

func (c *Cache) Get(key string) (string, bool) {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\te, ok := c.items[key]
\tif !ok || time.Now().After(e.expires) {
\t\treturn "", false
\t}
\treturn e.value, true
}

func (c *Cache) Set(key, value string) {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\tc.items[key] = entry{value: value, expires: time.Now().Add(c.ttl)}
}
'''

TS = '''export interface ApiOptions {
  baseUrl: string;
  token?: string;
}

export class ApiClient {
  constructor(private readonly options: ApiOptions) {}

  async get<T>(path: string): Promise<T> {
    const response = await fetch(this.options.baseUrl + path, {
      headers: this.headers(),
    });
    if (!response.ok) {
      throw new Error(`GET ${path} failed: ${response.status}`);
    }
    return (await response.json()) as T;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(this.options.baseUrl + path, {
      method: "POST",
      headers: { ...this.headers(), "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`POST ${path} failed: ${response.status}`);
    }
    return (await response.json()) as T;
  }

  private headers(): Record<string, string> {
    return this.options.token ? { Authorization: `Bearer ${this.options.token}` } : {};
  }
}
'''

CSHARP = '''using System;
using System.Collections.Generic;

namespace Billing
{
    public class InvoiceService
    {
        private readonly IInvoiceStore _store;

        public InvoiceService(IInvoiceStore store)
        {
            _store = store;
        }

        public Invoice Create(string customerId, IEnumerable<LineItem> items)
        {
            var invoice = new Invoice(customerId);
            foreach (var item in items)
            {
                invoice.Add(item);
            }
            _store.Save(invoice);
            return invoice;
        }

        public void Void(Guid id)
        {
            var invoice = _store.Find(id);
            invoice.Status = InvoiceStatus.Void;
            _store.Save(invoice);
        }
    }
}
'''

YAML = '''server:
  port: 8080
  shutdown: graceful
database:
  url: jdbc:postgresql://db:5432/app
  pool:
    max-size: 10
    timeout: 30s
features:
  signup: true
  export: false
'''

MARKDOWN = '''# Orders service

Handles orders and invoices.

## Running

Start it with `make run` and open http://localhost:8080.

## Testing

Run `make test`.
'''

FILES = {
    "java": ("src/main/java/com/example/auth/LoginHandler.java", JAVA, "//"),
    "python": ("app/orders.py", PYTHON, "#"),
    "go": ("internal/cache/cache.go", GO, "//"),
    "ts": ("web/src/api/client.ts", TS, "//"),
    "csharp": ("src/Billing/InvoiceService.cs", CSHARP, "//"),
    "yaml": ("config/app.yml", YAML, "#"),
    "markdown": ("README.md", MARKDOWN, None),
}

# Ideal edits: (file key, name, search, replace), quoted exactly from the file.
EDITS = [
    ("java", "validate-input",
     '''        String username = form.get("username");
        String password = form.get("password");
        // Look the user up by name; names are unique.
        User user = users.findByName(username);
''',
     '''        String username = form.get("username");
        String password = form.get("password");
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Response.badRequest("username and password are required");
        }
        // Look the user up by name; names are unique.
        User user = users.findByName(username);
'''),
    ("java", "logout-guard",
     '''    public Response logout(String sessionId) {
        users.endSession(sessionId);
        return Response.ok(null);
    }
''',
     '''    public Response logout(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Response.badRequest("missing session id");
        }
        users.endSession(sessionId);
        return Response.ok(null);
    }
'''),
    ("java", "constructor-null-checks",
     '''    public LoginHandler(UserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }
''',
     '''    public LoginHandler(UserRepository users, PasswordHasher hasher) {
        this.users = java.util.Objects.requireNonNull(users, "users");
        this.hasher = java.util.Objects.requireNonNull(hasher, "hasher");
    }
'''),
    ("python", "validate-items",
     '''    def place(self, customer, items, code=None):
        total = apply_discount(order_total(items), code)
        # Persist first so the mail never announces an order we lost.
        order = self.repo.save(customer, items, total)
''',
     '''    def place(self, customer, items, code=None):
        if not items:
            raise ValueError("an order needs at least one item")
        total = apply_discount(order_total(items), code)
        # Persist first so the mail never announces an order we lost.
        order = self.repo.save(customer, items, total)
'''),
    ("python", "cancel-missing",
     '''    def cancel(self, order_id):
        order = self.repo.get(order_id)
        order.status = "cancelled"
        self.repo.save_order(order)
        return order
''',
     '''    def cancel(self, order_id):
        order = self.repo.get(order_id)
        if order is None:
            raise KeyError(order_id)
        if order.status == "shipped":
            raise ValueError("shipped orders cannot be cancelled")
        order.status = "cancelled"
        self.repo.save_order(order)
        return order
'''),
    ("python", "discount-table",
     '''def apply_discount(total, code):
    if code == "WELCOME10":
        return total * Decimal("0.90")
    return total
''',
     '''DISCOUNTS = {"WELCOME10": Decimal("0.90"), "LOYAL20": Decimal("0.80")}


def apply_discount(total, code):
    factor = DISCOUNTS.get(code)
    if factor is None:
        return total
    return total * factor
'''),
    ("go", "get-empty-key",
     '''func (c *Cache) Get(key string) (string, bool) {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\te, ok := c.items[key]
''',
     '''func (c *Cache) Get(key string) (string, bool) {
\tif key == "" {
\t\treturn "", false
\t}
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\te, ok := c.items[key]
'''),
    ("go", "expired-delete",
     '''\tif !ok || time.Now().After(e.expires) {
\t\treturn "", false
\t}
\treturn e.value, true
''',
     '''\tif !ok {
\t\treturn "", false
\t}
\tif time.Now().After(e.expires) {
\t\tdelete(c.items, key)
\t\treturn "", false
\t}
\treturn e.value, true
'''),
    ("ts", "timeout",
     '''  async get<T>(path: string): Promise<T> {
    const response = await fetch(this.options.baseUrl + path, {
      headers: this.headers(),
    });
''',
     '''  async get<T>(path: string): Promise<T> {
    const response = await fetch(this.options.baseUrl + path, {
      headers: this.headers(),
      signal: AbortSignal.timeout(10_000),
    });
'''),
    ("ts", "post-error-body",
     '''    if (!response.ok) {
      throw new Error(`POST ${path} failed: ${response.status}`);
    }
''',
     '''    if (!response.ok) {
      const detail = await response.text();
      throw new Error(`POST ${path} failed: ${response.status} ${detail}`);
    }
'''),
    ("csharp", "create-validation",
     '''        public Invoice Create(string customerId, IEnumerable<LineItem> items)
        {
            var invoice = new Invoice(customerId);
''',
     '''        public Invoice Create(string customerId, IEnumerable<LineItem> items)
        {
            if (string.IsNullOrWhiteSpace(customerId))
            {
                throw new ArgumentException("customer id is required", nameof(customerId));
            }
            var invoice = new Invoice(customerId);
'''),
    ("csharp", "void-missing",
     '''            var invoice = _store.Find(id);
            invoice.Status = InvoiceStatus.Void;
''',
     '''            var invoice = _store.Find(id) ?? throw new KeyNotFoundException($"invoice {id}");
            invoice.Status = InvoiceStatus.Void;
'''),
    ("yaml", "pool-size",
     '''  pool:
    max-size: 10
    timeout: 30s
''',
     '''  pool:
    max-size: 20
    min-idle: 2
    timeout: 30s
'''),
    ("markdown", "docs-validation",
     '''## Testing

Run `make test`.
''',
     '''## Testing

Run `make test`. Input validation is covered by `make test-validation`.
'''),
]

# Edits with an unchanged middle long enough to be elided with "..." by a model.
ELIDABLE = [
    ("java", "audit-failures",
     '''    public Response handle(Map<String, String> form) {
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
''',
     '''    public Response handle(Map<String, String> form) {
        long started = System.nanoTime();
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
        audit("login-ms", String.valueOf((System.nanoTime() - started) / 1_000_000));
        return Response.ok(user.id());
    }
'''),
    ("python", "place-logging",
     '''    def place(self, customer, items, code=None):
        total = apply_discount(order_total(items), code)
        # Persist first so the mail never announces an order we lost.
        order = self.repo.save(customer, items, total)
        self.mailer.send(customer.email, "Order received")
        log.info("order %s placed", order.id)
        return order
''',
     '''    def place(self, customer, items, code=None):
        log.debug("placing order for %s", customer.email)
        total = apply_discount(order_total(items), code)
        # Persist first so the mail never announces an order we lost.
        order = self.repo.save(customer, items, total)
        self.mailer.send(customer.email, "Order received")
        log.info("order %s placed (total %s)", order.id, total)
        return order
'''),
    ("go", "set-empty-key",
     '''func (c *Cache) Set(key, value string) {
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\tc.items[key] = entry{value: value, expires: time.Now().Add(c.ttl)}
}
''',
     '''func (c *Cache) Set(key, value string) {
\tif key == "" {
\t\treturn
\t}
\tc.mu.Lock()
\tdefer c.mu.Unlock()
\tc.items[key] = entry{value: value, expires: time.Now().Add(c.ttl)}
}
'''),
    ("ts", "post-timeout",
     '''  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(this.options.baseUrl + path, {
      method: "POST",
      headers: { ...this.headers(), "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`POST ${path} failed: ${response.status}`);
    }
    return (await response.json()) as T;
  }
''',
     '''  async post<T>(path: string, body: unknown): Promise<T> {
    if (body === undefined) {
      throw new Error("POST needs a body");
    }
    const response = await fetch(this.options.baseUrl + path, {
      method: "POST",
      headers: { ...this.headers(), "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`POST ${path} failed: ${response.status}`);
    }
    return (await response.json()) as T;
  }
'''),
    ("csharp", "create-audit",
     '''        public Invoice Create(string customerId, IEnumerable<LineItem> items)
        {
            var invoice = new Invoice(customerId);
            foreach (var item in items)
            {
                invoice.Add(item);
            }
            _store.Save(invoice);
            return invoice;
        }
''',
     '''        public Invoice Create(string customerId, IEnumerable<LineItem> items)
        {
            var invoice = new Invoice(customerId);
            foreach (var item in items)
            {
                invoice.Add(item);
            }
            invoice.CreatedAt = DateTimeOffset.UtcNow;
            _store.Save(invoice);
            return invoice;
        }
'''),
]
