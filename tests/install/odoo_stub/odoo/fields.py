class Field:
    """A record attribute with a default; keyword arguments Odoo knows
    (string, help, readonly, required, attachment) are accepted and kept."""

    def __init__(self, string=None, default=False, **attributes):
        self.string = string
        self.default = default
        self.attributes = attributes
        self.name = None

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, record, owner=None):
        if record is None:
            return self
        return record._values.get(self.name, self.default)


class Char(Field):
    pass


class Text(Field):
    pass


class Binary(Field):
    pass


class Integer(Field):
    pass


class Float(Field):
    pass
