# Copyright 2026 customer_service_mgmt authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'Customer Service Management',
    'summary': 'Customer service regulations in the ERP: customer tiers, complaints, '
               'return visits, rewards and penalties, archives (客户服务管理)',
    'version': '11.0.1.0.0',
    'category': 'Customer Service',
    'license': 'LGPL-3',
    'author': 'customer_service_mgmt authors',
    'website': 'https://example.invalid/customer_service_mgmt',
    'depends': [
        'helpdesk_mgmt',
        'contacts',
        'account_invoicing',
        'resource',
        'mail',
    ],
    'data': [
        'security/cs_security.xml',
        'security/ir.model.access.csv',
        'data/cs_tier_data.xml',
        'data/ir_cron_data.xml',
        'views/cs_menus.xml',
        'views/cs_tier_views.xml',
        'views/res_partner_views.xml',
        'data/helpdesk_ticket_data.xml',
        'data/helpdesk_ticket_cron_data.xml',
        'wizards/cs_ticket_wizard_views.xml',
        'report/helpdesk_ticket_report.xml',
        'views/helpdesk_ticket_views.xml',
        'views/res_company_views.xml',
        'views/res_partner_complaint_views.xml',
    ],
    'demo': [
        'demo/cs_demo.xml',
        'demo/cs_complaint_demo.xml',
    ],
    'post_init_hook': 'post_init_hook',
    'application': True,
    'installable': True,
}
