import logging
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
