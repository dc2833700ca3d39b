from odoo import fields, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    cs_manager_id = fields.Many2one(
        'res.users', string='First responsible manager',
        help='The site manager answerable for this person\'s service 现场第一责任人: proposed for a fine '
             'with them when a complaint against them is verified.')
