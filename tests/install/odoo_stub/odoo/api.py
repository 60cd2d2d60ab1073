from . import models


class Environment:
    """env["model.name"] gives the model registered under that _name."""

    def __getitem__(self, name):
        return models.registry[name]()
