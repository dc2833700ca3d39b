"""The customer-service policy as plain Python (no Odoo import), so it tests without a database and
survives a port to another Odoo release: the models are glue around these functions."""
from . import tiers  # noqa: F401
from . import deadlines  # noqa: F401
from . import visits  # noqa: F401
from . import rewards  # noqa: F401
from . import behaviour  # noqa: F401
from . import values  # noqa: F401
