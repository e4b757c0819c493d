from django import template

from catalogue.dashboard import staff_work

register = template.Library()


@register.simple_tag(takes_context=True)
def work_for_user(context):
    return staff_work(context["request"].user)
