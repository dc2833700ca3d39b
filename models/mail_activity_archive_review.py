from odoo import api, models


class MailActivity(models.Model):
    _inherit = 'mail.activity'

    @api.multi
    def action_feedback(self, feedback=False):
        """Marking a quarterly archive review done, from the activity widget as from the archive's button,
        stamps the archive's review date and reviewer."""
        review_type = self.env.ref('customer_service_mgmt.mail_activity_type_cs_archive_review',
                                   raise_if_not_found=False)
        reviews = self.filtered(lambda a: review_type and a.activity_type_id == review_type
                                and a.res_model == 'cs.customer.archive')
        if reviews:
            self.env['cs.customer.archive'].browse(reviews.mapped('res_id'))._cs_stamp_review()
        return super(MailActivity, self).action_feedback(feedback=feedback)
