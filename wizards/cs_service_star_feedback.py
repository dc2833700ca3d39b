from collections import namedtuple

from odoo import api, fields, models

from ..policy import star_feedback as feedback_policy

Ranked = namedtuple('Ranked', 'user line')


class CsServiceStarWizard(models.TransientModel):
    """The service star ranks by the three-party feedback first, then by the indicators."""
    _inherit = 'cs.service.star.wizard'

    @api.multi
    def action_rank(self):
        result = super(CsServiceStarWizard, self).action_rank()
        lines = self.line_ids.sorted('rank')
        feedback = self.env['cs.star.feedback']._cs_feedback_scores(
            lines.mapped('user_id').ids, self.period, self.env.user.company_id)
        ranked = feedback_policy.rank_with_feedback([Ranked(line.user_id.id, line) for line in lines], feedback)
        for rank, item in enumerate(ranked, 1):
            item.line.write({'rank': rank, 'chosen': rank == 1, 'feedback_score': feedback.get(item.user) or 0.0})
        return result


class CsServiceStarWizardLine(models.TransientModel):
    _inherit = 'cs.service.star.wizard.line'

    feedback_score = fields.Float(string='Three-party feedback', readonly=True, digits=(3, 2))
