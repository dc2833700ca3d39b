from odoo.tests.common import TransactionCase

MODULE = 'customer_service_mgmt'
# Forms of the host that only administrators open (Settings): their related fields write through to
# the company's or the user's own partner by design (name, email, logo...).
ADMIN_FORMS = ('res.company', 'res.users')


class TestRelatedFieldsReadOnly(TransactionCase):
    """In 11.0 a related field writes through to its target unless it is read-only, and the web client
    sends every non-read-only field a form holds (even invisible ones) on save: an agent saving a
    ticket wrote the stage. No form the addon declares or extends may hold a writable related field."""

    def _form_views(self):
        data = self.env['ir.model.data'].search([('module', '=', MODULE), ('model', '=', 'ir.ui.view')])
        views = self.env['ir.ui.view'].browse(data.mapped('res_id')).filtered(lambda v: v.type == 'form')
        roots = {}
        for view in views:
            root = view
            while root.inherit_id:
                root = root.inherit_id
            if root.model not in ADMIN_FORMS:
                roots[root.id] = root.model
        return roots

    def _writable_related(self, model, fields, path):
        found = []
        for name, description in fields.items():
            field = self.env[model]._fields.get(name)
            if field is None:
                continue
            if field.related and not field.readonly:
                found.append('%s.%s (%s)' % (model, name, path))
            for subview in (description.get('views') or {}).values():
                found += self._writable_related(field.comodel_name, subview.get('fields', {}),
                                                '%s > %s' % (path, name))
        return found

    def test_no_writable_related_field_in_forms(self):
        """Every related field shown in the addon's forms (and their embedded lists) is read-only."""
        roots = self._form_views()
        self.assertIn('helpdesk.ticket', roots.values(), 'the ticket form is among those checked')
        found = []
        for view_id, model in roots.items():
            result = self.env[model].fields_view_get(view_id=view_id, view_type='form')
            found += self._writable_related(model, result['fields'], 'view %s' % view_id)
        self.assertFalse(found, 'writable related fields in forms: %s' % ', '.join(sorted(set(found))))

    def test_no_writable_related_field_declared(self):
        """Every related field the addon declares is read-only."""
        found = []
        for model in self.env.values():
            for name, field in model._fields.items():
                if field.related and field._module == MODULE and not field.readonly:
                    found.append('%s.%s' % (model._name, name))
        self.assertFalse(found, 'writable related fields declared: %s' % ', '.join(sorted(found)))
