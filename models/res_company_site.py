from odoo import fields, models


class ResCompany(models.Model):
    """Who answers for a site when the site of the person concerned has no sales manager (POLICY §4)."""
    _inherit = 'res.company'

    cs_site_manager_fallback_id = fields.Many2one(
        'res.users', string='Fallback site manager',
        help='Proposed as first responsible person when the site sales manager of the person concerned is '
             'not found (a warning is noted on the complaint); the customer service manager when empty.')
