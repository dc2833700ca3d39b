from . import cs_tier
from . import res_partner
from . import account_invoice
from . import cs_demo_loader
