from odoo import fields, models


class CsDashboardMonth(models.TransientModel):
    """One month of the dashboard's 12-month table: every month is listed, '-' where a rate has nothing
    to measure (a month without complaints has no handling rate, not a blank or a zero)."""
    _name = 'cs.dashboard.month'
    _description = 'Indicator Dashboard Month'
    _order = 'sequence desc'

    dashboard_id = fields.Many2one('cs.dashboard', string='Dashboard', required=True, ondelete='cascade', readonly=True)
    sequence = fields.Integer(readonly=True)
    month = fields.Char(string='Month', readonly=True)
    complaints = fields.Char(string='Complaints registered', readonly=True)
    handling = fields.Char(string='Handling rate', readonly=True)
    on_time = fields.Char(string='On-time rate', readonly=True)
    satisfaction = fields.Char(string='Satisfaction', readonly=True)
    visits = fields.Char(string='Visits done / planned', readonly=True)
