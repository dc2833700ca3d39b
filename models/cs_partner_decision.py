from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..policy import archives as archive_policy
from ..policy import values as value_policy
from .res_partner_archive import ADMISSION_STATES

DECISIONS = [
    (archive_policy.ADMIT, 'Admit'),
    (archive_policy.BLACKLIST, 'Blacklist'),
    (archive_policy.EXIT, 'Exit'),
    (archive_policy.REINSTATE, 'Reinstate'),
]


class CsPartnerDecision(models.Model):
    """An admission or exit decision 准入与退出 on a customer (POLICY §5): admit, blacklist, exit or
    reinstate, with its reason, decider and date. Creating the decision moves the customer to its new
    state; decisions are a register, never edited nor deleted."""
    _name = 'cs.partner.decision'
    _description = 'Customer Admission Decision'
    _inherit = ['mail.thread', 'cs.guard.mixin']
    _order = 'date desc, id desc'

    partner_id = fields.Many2one('res.partner', string='Customer', required=True, index=True,
                                 ondelete='restrict', domain="[('is_company', '=', True)]")
    decision = fields.Selection(DECISIONS, required=True)
    reason = fields.Text(required=True)
    user_id = fields.Many2one('res.users', string='Decided by', required=True, readonly=True,
                              default=lambda self: self.env.user, ondelete='restrict')
    date = fields.Date(string='Decided on', required=True, default=fields.Date.context_today)
    previous_state = fields.Selection(
        ADMISSION_STATES, readonly=True, string='Previous state')
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id, required=True)

    @api.constrains('reason')
    def _check_reason(self):
        for decision in self:
            if value_policy.is_blank(decision.reason):
                raise ValidationError(_('The decision "%s" on %s needs a reason.') % (
                    dict(self._fields['decision']._description_selection(self.env))[decision.decision],
                    decision.partner_id.display_name))

    @api.model
    def _cs_protected_fields(self):
        # the decider is who records the decision; the previous state is the customer's, read by _cs_apply
        return super(CsPartnerDecision, self)._cs_protected_fields() | {'user_id', 'previous_state'}

    @api.model
    def create(self, vals):
        self = self._cs_guard_create(vals)
        decision = super(CsPartnerDecision, self).create(vals)
        decision._cs_apply()
        return decision

    @api.multi
    def write(self, vals):
        raise UserError(_('Admission decisions are a register: record a new decision instead of changing one.'))

    @api.multi
    def unlink(self):
        raise UserError(_('Admission decisions are a register: they are never deleted.'))

    @api.multi
    def _cs_apply(self):
        """Move the customer to the state the decision leads to, or refuse a decision that does not apply."""
        labels = dict(self._fields['decision']._description_selection(self.env))
        states = dict(self.env['res.partner']._fields['cs_admission_state']._description_selection(self.env))
        for decision in self:
            partner = decision.partner_id.commercial_partner_id
            current = partner.cs_admission_state or archive_policy.PROSPECT
            target = archive_policy.next_admission_state(current, decision.decision)
            if isinstance(target, archive_policy.Problem):
                raise UserError(_('%s cannot be applied to %s, who is %s.') % (
                    labels[decision.decision], partner.display_name, states.get(current, current)))
            super(CsPartnerDecision, decision.sudo()).write({'previous_state': current, 'partner_id': partner.id})
            partner.sudo().write({'cs_admission_state': target})
            partner.sudo().message_post(
                body=_('%s: %s (decided by %s on %s).') % (labels[decision.decision], decision.reason,
                                                           decision.user_id.name, decision.date),
                author_id=self.env.user.partner_id.id)
