"""Closed vocabularies of the domain (DOMAIN.md), in the Chinese users see."""

from __future__ import annotations

INDUSTRIES = (
    "电子信息",
    "装备制造",
    "食品饮料",
    "先进材料",
    "能源化工",
    "数字经济",
    "现代服务业",
    "现代农业",
    "生物医药",
    "医疗健康",
    "新能源汽车",
    "航空航天",
    "其他",
)
HQ_REGIONS = (
    "长三角",
    "珠三角",
    "京津冀",
    "成渝",
    "东北",
    "海峡西岸",
    "中部",
    "西部",
    "港澳台",
    "境外",
    "其他",
)
OWNERSHIPS = ("内资", "外资", "港澳台")
TAGS = ("世界500强", "中国500强", "中国民营500强", "上市公司", "链主企业", "专精特新", "重点企业")

VISIT_FORMS = ("上门拜访", "驻点招商", "来访接待", "云洽谈", "展会推介")
# Aliases accepted on input (DOMAIN.md lists both spellings).
VISIT_FORM_ALIASES = {
    "云洽谈/视频会议": "云洽谈",
    "视频会议": "云洽谈",
    "展会/推介会": "展会推介",
    "推介会": "展会推介",
}

STAGES = ("信息获取", "现场考察", "会谈洽谈", "签约落地", "开工建设", "投产达产")
PROJECT_STATUSES = ("正常", "停滞", "终止")

DEMAND_CATEGORIES = ("用地", "资金/融资", "税收", "审批", "用能", "人才", "物流", "政策兑现", "其他")
DEMAND_STATUSES = ("待办", "办理中", "已回应", "已解决", "无法解决")
DEMAND_CLOSED = ("已解决", "无法解决")

EVENT_KINDS = ("推介会", "项目集中签约", "客商考察", "展会")
# 六必访 (seed 003): the six occasions, labelled exactly as DOMAIN.md writes them.
TRIGGER_KINDS = ("创新孵化", "经营困难", "登记纳统", "战略调整", "增资扩产", "筹备上市")
# Labels earlier versions stored; accepted on input and shown as today's label.
TRIGGER_KIND_ALIASES = {
    "孵化创新": "创新孵化",
    "统计入库": "登记纳统",
    "融资扩产": "增资扩产",
    "上市准备": "筹备上市",
}
ROLES = ("officer", "lead", "admin")
ROLE_LABELS = {"officer": "招商人员", "lead": "组长", "admin": "省级管理员"}

# Sichuan's 21 市(州) (seed 000) — targets for projects and reporting units.
CITIES = (
    "成都市",
    "自贡市",
    "攀枝花市",
    "泸州市",
    "德阳市",
    "绵阳市",
    "广元市",
    "遂宁市",
    "内江市",
    "乐山市",
    "南充市",
    "眉山市",
    "宜宾市",
    "广安市",
    "达州市",
    "雅安市",
    "巴中市",
    "资阳市",
    "阿坝州",
    "甘孜州",
    "凉山州",
)


def normalize_visit_form(raw: str) -> str:
    text = raw.strip()
    return VISIT_FORM_ALIASES.get(text, text)


def normalize_trigger_kind(raw: str) -> str:
    text = raw.strip().removesuffix("时必访")
    return TRIGGER_KIND_ALIASES.get(text, text)
