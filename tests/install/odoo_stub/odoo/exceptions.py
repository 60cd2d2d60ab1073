class UserError(Exception):
    """Shown to the user in Odoo; here an ordinary exception."""
