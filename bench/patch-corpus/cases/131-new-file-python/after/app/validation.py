def require(value, name):
    if not value:
        raise ValueError(name + " is required")
    return value
