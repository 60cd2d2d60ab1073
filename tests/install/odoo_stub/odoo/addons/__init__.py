# Odoo extends this package's __path__ with its addons paths and imports each
# addon as odoo.addons.<name>; tests/install/odoo_host.py does the same.
