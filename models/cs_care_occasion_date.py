from odoo import api, fields, models


class CsCareOccasionDate(models.Model):
    """The date of a care occasion in one year (lunar holidays move every year)."""
    _name = 'cs.care.occasion.date'
    _description = 'Customer Care Occasion Date'
    _order = 'year'

    occasion_id = fields.Many2one('cs.care.occasion', required=True, ondelete='cascade', index=True)
    date = fields.Date(required=True)
    year = fields.Integer(compute='_compute_year', store=True)

    _sql_constraints = [
        ('year_uniq', 'unique(occasion_id, year)', 'An occasion has one date per year.'),
    ]

    @api.multi
    @api.depends('date')
    def _compute_year(self):
        for line in self:
            line.year = fields.Date.from_string(line.date).year if line.date else 0
