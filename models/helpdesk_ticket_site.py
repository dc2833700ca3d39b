from odoo import _, api, models, tools


class HelpdeskTicket(models.Model):
    """The site 销售现场 of a complaint and its first responsible person 第一责任人 (POLICY §2, §4, seed 000
    四): the site sales manager of each person concerned, not the handler's manager."""
    _inherit = 'helpdesk.ticket'

    @api.multi
    def _cs_persons_concerned(self):
        """The people a verified complaint is about: its accused staff, else its handler."""
        self.ensure_one()
        return self.cs_accused_user_ids or self.user_id

    @api.multi
    def _cs_site_managers(self):
        """(site sales managers of the persons concerned, persons whose site manager is unknown)."""
        self.ensure_one()
        managers = missing = self.env['res.users']
        for person in self._cs_persons_concerned():
            manager = person._cs_site_manager()
            if manager:
                managers |= manager
            else:
                missing |= person
        return managers, missing

    @api.multi
    def _cs_first_responsible_manager(self):
        """The first responsible persons fined with the persons concerned: their site sales managers; the
        company's fallback manager for a person without one, with a warning noted on the complaint."""
        self.ensure_one()
        managers, missing = self._cs_site_managers()
        if missing:
            company = (self.company_id or self.env.user.company_id).sudo()
            fallback = company.cs_site_manager_fallback_id or company.cs_manager_user_id
            managers |= fallback
            body = _('No site sales manager was found for %(persons)s on complaint %(ticket)s: %(fallback)s answers '
                     'as first responsible person instead; check the site of these persons.') % {
                'persons': '、'.join(missing.mapped('name')), 'ticket': self.number,
                'fallback': fallback.name or _('nobody')}
            self.sudo().message_post(body='<p>%s</p>' % tools.html_escape(body), subtype='mail.mt_note')
        return managers
