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
        'report_xlsx',
    ],
    'data': [
        'security/cs_security.xml',
        'security/ir.model.access.csv',
        'data/cs_tier_data.xml',
        'data/ir_cron_data.xml',
        'views/cs_menus.xml',
        'views/cs_tier_views.xml',
        'views/res_partner_views.xml',
        'data/cs_reward_data.xml',
        'views/cs_reward_penalty_views.xml',
        'views/cs_praise_views.xml',
        'views/cs_penalty_band_views.xml',
        'views/cs_reward_wizard_views.xml',
        'views/cs_indicator_views.xml',
        'views/res_partner_behaviour_views.xml',
        'report/cs_reward_statement_templates.xml',
    ],
    'demo': [
        'demo/cs_demo.xml',
        'demo/cs_reward_demo.xml',
    ],
    'post_init_hook': 'post_init_hook',
    'application': True,
    'installable': True,
}
