import logging

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError

from ..policy import sampling as sampling_policy

_logger = logging.getLogger(__name__)


class CsSpotCheckSample(models.Model):
    """The month's spot-check sample 抽查样本 (POLICY §2): a random, reproducible share of the previous
    month's closed complaints, at least one per handler, given to the quality supervisor once per month
    and company. Drawn by the monthly cron only."""
    _name = 'cs.spot.check.sample'
    _inherit = ['cs.guard.mixin']
    _description = 'Monthly Spot-check Sample'
    _order = 'period desc, id desc'
    _rec_name = 'period'

    period = fields.Char(string='Month', required=True, readonly=True, help='The month the complaints closed in.')
    company_id = fields.Many2one('res.company', required=True, readonly=True)
    user_id = fields.Many2one('res.users', string='Quality supervisor', required=True, readonly=True)
    share = fields.Float(string='Share (%)', readonly=True)
    seed = fields.Char(readonly=True)
    closed_count = fields.Integer(string='Complaints closed', readonly=True)
    ticket_ids = fields.Many2many('helpdesk.ticket', 'cs_spot_check_sample_ticket_rel', 'sample_id', 'ticket_id',
                                  string='Complaints to check', readonly=True)

    _sql_constraints = [
        ('period_company_uniq', 'unique(period, company_id)', 'One spot-check sample per month and company.'),
    ]

    @api.model
    def _cs_protected_fields(self):
        return super(CsSpotCheckSample, self)._cs_protected_fields() | {
            'period', 'company_id', 'user_id', 'share', 'seed', 'closed_count', 'ticket_ids'}

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)  # pylint: disable=self-cls-assignment
        return super(CsSpotCheckSample, self).create(vals)

    @api.multi
    def write(self, vals):
        self._cs_guard_write(vals)
        return super(CsSpotCheckSample, self).write(vals)

    @api.multi
    def unlink(self):
        raise UserError(_('Spot-check samples are kept: %s.') % ', '.join(self.mapped('period')))

    @api.model
    def _cron_cs_draw_samples(self):
        """Monthly cron: draw the previous month's sample of every company."""
        return self._cs_draw_samples()

    @api.model
    def _cs_draw_samples(self, today=None):
        """Draw each company's sample of the month before ``today`` (once: a month already drawn is left
        alone); returns the samples drawn."""
        today = today or fields.Date.from_string(fields.Date.context_today(self))
        start, end, period = sampling_policy.previous_month(today)
        samples = self.browse()
        Ticket = self.env['helpdesk.ticket'].sudo()
        for company in self.env['res.company'].sudo().search([]):
            if self.sudo().search_count([('period', '=', period), ('company_id', '=', company.id)]):
                continue
            supervisor = company._cs_spot_checker()
            if not supervisor:
                _logger.warning('spot-check sample %s: %s has no quality supervisor', period, company.name)
                continue
            closed = Ticket.search([
                ('cs_kind', '=', 'complaint'), ('company_id', '=', company.id), ('stage_id.closed', '=', True),
                ('cs_closed_date', '>=', fields.Date.to_string(start)),
                ('cs_closed_date', '<', fields.Date.to_string(end))])
            seed = sampling_policy.seed(period, company.id)
            ids = sampling_policy.draw([(t.id, (t.user_id or t.cs_first_responder_id).id or None) for t in closed],
                                       company.cs_spot_check_share, seed)
            sample = self.sudo().create({
                'period': period, 'company_id': company.id, 'user_id': supervisor.id,
                'share': company.cs_spot_check_share, 'seed': seed, 'closed_count': len(closed),
                'ticket_ids': [(6, 0, ids)]})
            sample._cs_give_activities()
            samples |= sample
        _logger.info('spot-check samples of %s: %d drawn', period, len(samples))
        return samples

    @api.multi
    def _cs_give_activities(self):
        """An activity per complaint of the sample for its quality supervisor."""
        supervisor = self.user_id
        this = self.with_context(lang=supervisor.lang or self.env.context.get('lang'))
        for ticket in self.ticket_ids:
            this.env['mail.activity'].sudo().create({
                'res_model_id': self.env.ref('helpdesk_mgmt.model_helpdesk_ticket').id,
                'res_id': ticket.id,
                'activity_type_id': self.env.ref('customer_service_mgmt.mail_activity_type_cs_spot_check').id,
                'date_deadline': fields.Date.context_today(self),
                'user_id': supervisor.id,
                'summary': _('Spot-check of the %(period)s sample: %(ticket)s') % {
                    'period': self.period, 'ticket': ticket.number},
                'note': '<p>%s</p>' % tools.html_escape(ticket.name),
            })
