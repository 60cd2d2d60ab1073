from . import fields

# _name -> model class, filled as addon modules are imported (as Odoo's
# registry is).
registry = {}


class Model:
    _name = None
    _description = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls._name:
            registry[cls._name] = cls

    def __init__(self):
        self._values = {}

    def __iter__(self):
        yield self

    def __len__(self):
        return 1

    def _fields(self):
        return {name: field for name, field in vars(type(self)).items()
                if isinstance(field, fields.Field)}

    def create(self, values):
        record = type(self)()
        record.write(values)
        return record

    def write(self, values):
        known = self._fields()
        for name, value in values.items():
            if name not in known:
                raise ValueError("%s has no field %s" % (self._name, name))
            self._values[name] = value
        return True

    def ensure_one(self):
        return self
