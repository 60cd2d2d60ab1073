"""A stand-in for the few parts of Odoo an addon module touches at import
and in a method call (models.Model, fields, exceptions.UserError, the
odoo.addons namespace), so that tests/install/odoo_host.py can load an addon
the way Odoo does without an Odoo installation. Not a model of the ORM:
records are plain objects and every recordset holds one record.
"""

from . import api, exceptions, fields, models  # noqa: F401
