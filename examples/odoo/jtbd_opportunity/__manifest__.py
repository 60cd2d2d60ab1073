# An Odoo addon that scores Jobs-to-be-Done surveys with libjtbd through the
# jtbd Python package. Odoo refuses to install it unless `import jtbd` works
# (external_dependencies): pip install bindings/python, and install libjtbd
# (cmake --install) where the loader finds it or set JTBD_LIBRARY.
{
    "name": "JTBD Opportunity Scoring",
    "version": "16.0.1.0.0",
    "summary": "Rank desired outcomes of a survey by opportunity (ODI)",
    "category": "Sales/CRM",
    "depends": ["base"],
    "external_dependencies": {"python": ["jtbd"]},
    "data": [],
    "installable": True,
    "application": False,
}
