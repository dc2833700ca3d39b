from odoo import SUPERUSER_ID, api


def post_init_hook(cr, registry):
    """Partners that exist before the addon start in the reserve tier, then get their real tier.

    The first classification is an initial assignment, not a change, so it is done silently; later
    changes (cron, button) are tracked in the chatter.
    """
    env = api.Environment(cr, SUPERUSER_ID, {})
    env['res.partner'].browse()._cs_recompute_tiers(silent=True)
