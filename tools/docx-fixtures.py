#!/usr/bin/env python3
"""Writes the DOCX fixtures of corpus/docx/ from hand-written WordprocessingML.

Every file is deterministic (fixed ZIP timestamps), so rerunning this script leaves git clean.
Hand-written XML rather than python-docx: python-docx cannot write legacy w:hMerge, cells in
w:sdt / w:customXml, tracked changes or fields, and these are what the reader must get right.

    python3 tools/docx-fixtures.py            # writes corpus/docx/*.docx, *.xml, hostile/*
    python3 tools/docx-fixtures.py --bench N out.docx   # a N-row merged table for the benchmark
"""
import io
import os
import sys
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus", "docx")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# ---------------------------------------------------------------- XML builders


def t(text):
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def r(*parts, rpr=""):
    """A run; str parts become w:t, others are raw XML."""
    inner = "".join(x if x.startswith("<") else t(x) for x in parts)
    return f"<w:r>{rpr}{inner}</w:r>"


def p(*content):
    """A paragraph: str items become one run each, raw XML (starting with '<') is kept."""
    inner = "".join(x if x.startswith("<") else r(x) for x in content)
    return f"<w:p>{inner}</w:p>"


def paras(text):
    """One paragraph per line of text."""
    return "".join(p(line) if line else "<w:p/>" for line in text.split("\n"))


def tc(content="", span=1, vmerge=None, hmerge=None, width=1000):
    """A cell. vmerge/hmerge: 'restart', 'continue' or 'bare' (element without w:val)."""
    pr = [f'<w:tcW w:w="{width * span}" w:type="dxa"/>']
    if span > 1:
        pr.append(f'<w:gridSpan w:val="{span}"/>')
    for name, mark in (("hMerge", hmerge), ("vMerge", vmerge)):
        if mark == "bare":
            pr.append(f"<w:{name}/>")
        elif mark:
            pr.append(f'<w:{name} w:val="{mark}"/>')
    body = content if content.startswith("<") else paras(content)
    return f"<w:tc><w:tcPr>{''.join(pr)}</w:tcPr>{body}</w:tc>"


def tr(*cells, before=0, after=0, width=1000):
    pr = ""
    if before or after:
        items = []
        if before:
            items.append(f'<w:gridBefore w:val="{before}"/><w:wBefore w:w="{before * width}" w:type="dxa"/>')
        if after:
            items.append(f'<w:gridAfter w:val="{after}"/><w:wAfter w:w="{after * width}" w:type="dxa"/>')
        pr = f"<w:trPr>{''.join(items)}</w:trPr>"
    return f"<w:tr>{pr}{''.join(cells)}</w:tr>"


def tbl(columns, *rows, width=1000):
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(columns))
    pr = (
        '<w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>'
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
    )
    return f"<w:tbl>{pr}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def document(*body):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{''.join(body)}"
        '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
        '<w:pgMar w:top="720" w:right="720" w:bottom="720" w:left="720" w:header="0" w:footer="0" w:gutter="0"/>'
        "</w:sectPr></w:body></w:document>"
    )


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def docx_bytes(doc_xml, extra=()):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/document.xml", doc_xml), *extra]:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return out.getvalue()


def flat_opc(doc_xml):
    body = doc_xml.split("?>", 1)[1].strip()
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<?mso-application progid="Word.Document"?>\n'
        '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
        '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml">'
        f"<pkg:xmlData>{RELS.split('?>', 1)[1].strip()}</pkg:xmlData></pkg:part>"
        '<pkg:part pkg:name="/word/document.xml" '
        'pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml">'
        f"<pkg:xmlData>{body}</pkg:xmlData></pkg:part></pkg:package>"
    )


def write(name, data):
    path = os.path.join(ROOT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


# ---------------------------------------------------------------- fixtures


def spans():
    """gridSpan, vMerge restart/continue/bare, gridBefore/gridAfter, multi-paragraph cells."""
    return document(
        p("标题段落"),
        tbl(
            5,
            tr(tc("A", span=2), tc("B"), tc("C", span=2)),
            tr(tc("D", vmerge="restart"), tc("E", span=3), tc("F", vmerge="restart")),
            tr(tc("", vmerge="continue"), tc("G"), tc("H"), tc("I"), tc("", vmerge="bare")),
            tr(tc("", vmerge="bare"), tc("J\nK\n"), tc("L", span=2), tc("M")),
            tr(tc("N"), tc("O", span=2), after=2),
            tr(tc("P", span=2), tc("Q"), before=2),
            tr(tc("R", vmerge="restart"), tc("S", span=2, vmerge="restart"), tc("T"), tc("U")),
            tr(tc("", vmerge="continue"), tc("", span=2, vmerge="continue"), tc("V"), tc("W")),
            tr(tc("X", vmerge="restart"), tc("Y", span=2, vmerge="restart"), tc("Z"), tc("")),
        ),
        p("表后段落"),
    )


def hmerge():
    """Legacy w:hMerge, alone and combined with gridSpan and vMerge."""
    return document(
        tbl(
            4,
            tr(tc("甲", hmerge="restart"), tc("", hmerge="continue"), tc("乙"), tc("丙")),
            tr(tc("丁"), tc("戊", hmerge="restart"), tc("", hmerge="bare"), tc("", hmerge="bare")),
            tr(tc("己", hmerge="restart", vmerge="restart"), tc("", hmerge="continue", vmerge="restart"),
               tc("庚", span=2)),
            tr(tc("", hmerge="restart", vmerge="continue"), tc("", hmerge="continue", vmerge="continue"),
               tc("辛"), tc("壬")),
        ),
    )


def sdt_cell(cell, tag):
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/></w:sdtPr>'
            f"<w:sdtContent>{cell}</w:sdtContent></w:sdt>")


def custom_xml(inner):
    return f'<w:customXml w:element="field">{inner}</w:customXml>'


def sdt():
    """Cells and rows wrapped in content controls and custom XML."""
    return document(
        sdt_cell(p("控件中的段落"), "para"),
        tbl(
            3,
            tr(tc("项目名称"), sdt_cell(tc("机构编制管理", span=2), "name")),
            tr(custom_xml(tc("主管部门")), tc("宿州市委编办"), sdt_cell(custom_xml(tc("实施单位")), "unit")),
            sdt_cell(tr(tc("一"), tc("二"), tc("三")), "row"),
            custom_xml(tr(tc("四", vmerge="restart"), tc(sdt_cell(p("五"), "inline")), tc("六"))),
            tr(sdt_cell(tc("", vmerge="continue"), "cont"), tc("七"), tc("八")),
        ),
    )


def nested():
    """A table inside a cell, itself holding a merge; text before and after the inner table."""
    inner = tbl(
        2,
        tr(tc("内1", span=2)),
        tr(tc("内2", vmerge="restart"), tc("内3")),
        tr(tc("", vmerge="continue"), tc("内4")),
        width=400,
    )
    return document(
        p("嵌套表"),
        tbl(
            3,
            tr(tc("外1"), tc("外2", span=2)),
            tr(tc("外3", vmerge="restart"), tc(p("前") + inner + p("后")), tc("外4")),
            tr(tc("", vmerge="continue"), tc("外5"), tc("外6")),
        ),
        p("两表之间"),
        tbl(2, tr(tc("第二表"), tc("x"))),
    )


def adjacent():
    """Tables with nothing between them, which Word and LibreOffice show as one table: the
    second (3 columns, 3000 twips) is stretched to the first one's width (2 columns, 2000)."""
    return document(
        tbl(2, tr(tc("a", vmerge="restart"), tc("b")), tr(tc("", vmerge="continue"), tc("c"))),
        tbl(3, tr(tc("d"), tc("e"), tc("f"))),
        tbl(3, tr(tc("g", span=2), tc("h"))),
        p("之后"),
        tbl(2, tr(tc("独立"), tc("表"))),
    )


def python_docx_form(path):
    """A small form written by python-docx (its own merge markup: gridSpan, vMerge)."""
    import docx  # pip install python-docx
    d = docx.Document()
    d.add_paragraph("项目支出绩效目标表")
    t = d.add_table(rows=5, cols=4)
    t.cell(0, 0).merge(t.cell(0, 3)).text = "项目名称"
    t.cell(1, 0).merge(t.cell(4, 0)).text = "绩效指标"
    t.cell(1, 1).merge(t.cell(2, 1)).text = "产出指标"
    t.cell(1, 2).text = "数量指标"
    t.cell(1, 3).text = "≥100个"
    t.cell(2, 2).merge(t.cell(2, 3)).text = "质量指标 合格"
    t.cell(3, 1).merge(t.cell(4, 2)).text = "效益指标"
    t.cell(3, 3).text = "逐步提高"
    t.cell(4, 3).text = "满意度≥98%"
    d.add_paragraph("填报日期: 2022年11月25日")
    d.core_properties.created = d.core_properties.modified = __import__("datetime").datetime(2024, 1, 1)
    buf = io.BytesIO()
    d.save(buf)
    # Rewrite with fixed timestamps so the file is reproducible.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in sorted(src.infolist(), key=lambda i: i.filename):
            info = zipfile.ZipInfo(item.filename, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, src.read(item.filename))
    write(path, out.getvalue())


def fld(instr, result):
    return (r('<w:fldChar w:fldCharType="begin"/>') + r(f'<w:instrText xml:space="preserve">{instr}</w:instrText>')
            + r('<w:fldChar w:fldCharType="separate"/>') + r(result) + r('<w:fldChar w:fldCharType="end"/>'))


def revisions():
    """Tracked changes, fields, tabs, breaks, bookmarks and proofing marks inside cells."""
    ins = ('<w:ins w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">' + r("新增") + "</w:ins>")
    dele = ('<w:del w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z">'
            '<w:r><w:delText>删除</w:delText></w:r></w:del>')
    bookmark = '<w:bookmarkStart w:id="0" w:name="_GoBack"/>'
    proof = '<w:proofErr w:type="spellStart"/>'
    return document(
        tbl(
            3,
            tr(tc(p("保留", ins, dele, "文字")), tc(p("年度", fld(" DATE \\@ yyyy ", "2021"), "目标")),
               tc(p(bookmark, "书签", '<w:bookmarkEnd w:id="0"/>', proof, "校对", '<w:proofErr w:type="spellEnd"/>'))),
            tr(tc(p("甲", r("<w:tab/>"), "乙")), tc(p("第一行", r("<w:br/>"), "第二行")),
               tc(p('<w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>'))),
            tr(tc(p('<w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>', "留下")),
               tc(p("前", '<w:moveTo w:id="4" w:author="a"><w:r><w:t>移来</w:t></w:r></w:moveTo>')),
               tc(p(ins) + p("二段"))),
        ),
    )


def vlabel(text):
    return "\n".join(text)


SEED002_ROWS = [
    # (二级, [(三级, 值, 标准)], 二级 annual, [(三级, 值, 标准)]) grouped by 一级
    ("产出指标", [
        ("数量指标", [(" 指标1：审核市直党政机关、人大政协机关、各民主党派、人民团体机构编制事项", "市直62家行政机构", "计划审核62个"),
                  (" 指标2：规范管理上级批复的公立医院及中小学教职工周转池编制使用", "全市10家公立医院周转池编制2280名、中小学周转池编制1748名", "")],
         [(" 指标1：审核市直47家党政机关、人大政协机关、各民主党派、人民团体机构编制事项", "市直62家行政机构", "计划审核47个"),
          (" 指标2：规范管理上级批复的公立医院及中小学教职工周转池编制使用", "全市10家公立医院周转池编制2280名、中小学周转池编制1748名", "")]),
        ("质量指标", [(" 指标1：实现党政机构设置的优化协同高效", "逐步实现", ""),
                  (" 指标2：着力解决教育、卫生等民生领域人员编制短缺突出问题", "逐步实现", "")],
         [(" 指标1：实现党政机构设置的优化协同高效", "逐步实现", ""),
          (" 指标2：着力解决教育、卫生等民生领域人员编制短缺突出问题", "逐步实现", "")]),
        ("时效指标", [(" 指标1：对市直各单位报送的机构编制事项予以答复或提请会议研究", "递交请示一周内予以答复或适时提请会议研究", ""),
                  (" 指标2：完成公立医院编制周转池入编及流转工作", "年底前", "")],
         [(" 指标1：对市直各单位报送的机构编制事项予以答复或提请会议研究", "递交请示一周内予以答复或适时提请会议研究", ""),
          (" 指标2：完成公立医院编制周转池使用申报工作", "年底前", "")]),
    ]),
    ("效益指标", [
        ("经济效益\n指标", [(" 指标1：控编减编", "财政供养人员只减不增", ""), (" 指标2：实现编制使用效率的最大化", "逐步实现", "")],
         [(" 指标1：控编减编", "财政供养人员只减不增", ""), (" 指标2：实现编制使用效率的最大化", "逐步实现", "")]),
        ("社会效益\n指标", [(" 指标1：提高政府在市场监管、应急管理、医疗保障等各方面的履职能力", "逐步提高", ""),
                      (" 指标2：招聘一批高素质教师和医生", "周转池编制空编范围内", "")],
         [(" 指标1：提高政府在市场监管、应急管理、医疗保障等各方面的履职能力", "逐步提高", ""),
          (" 指标2：招聘一批高素质教师和医生", "周转池编制空编范围内", "")]),
        ("生态效益\n指标", [(" 指标1：优化生态环境保护管理机构及监察监测机构设置", "逐步提高", "")],
         [(" 指标1：完成生态环境保护监察监测体制改革", "年底前", "")]),
        ("可持续\n影响\n指标", [(" 指标1：解决事关长远的体制机制问题", "提高治理能力和治理水平", ""),
                          (" 指标2：在一定时期内提高提高全市公共卫生、教育文化水平", "逐步实现", "")],
         [(" 指标1：解决事关长远的体制机制问题", "提高治理能力和治理水平", ""),
          (" 指标2：在一定时期内提高提高全市公共卫生、教育文化水平", "逐步实现", "")]),
    ]),
    ("满意度指标", [
        ("服务对象\n满意度指标", [(" 指标1：人民群众对机关工作效能的满意度", "100%", "满意度100%"),
                             (" 指标2：人民群众对教育和医疗水平的满意度", "100%", "满意度100%")],
         [(" 指标1：机关人员对机构设置和职能配置的满意度", "100%", "满意度100%"),
          (" 指标2：公立医院和中小学对于职称晋升满意度", "100%", "满意度100%")]),
    ]),
]


def seed002():
    """Seed 002's first project form (项目支出绩效目标表) with its real merges, 10 grid columns:
    c0 vertical section label, c1 一级指标, c2-c5 中期 (二级/三级/指标值/绩效标准), c6-c9 年度."""
    mid_goals = ("  \n    目标1：坚持优化协同高效的原则，统筹谋划好党政机构职能体系建设，配置好机构编制资源，提高各类组织机构贯彻落实党的决策部署的效率，构建运行顺畅、充满活力、令行禁止的工作体系。\n"
                 "    目标2：着力解决教育、卫生等民生领域人员编制短缺突出问题，破解编制资源配置固化难题，依托机构编制管理大数据平台，将长期闲置的空编统筹起来，建立编制周转池，向教育、卫生等急需行业投放，着力破解编制资源配置存在的“无编可用”和“有编无用”并存的问题。")
    annual_goals = ("   \n    目标1：负责市本级及各县区副科级以上党政机关，人大、政协机关，各民主党派、人民团体机关及事业单位的机构编制管理工作，审核上述各单位机构设置及编制调整方案。\n"
                    "    目标2：进一步贯彻落实公立医院和中小学编制周转池制度，做好公立医院周转池用编事宜和中小学教职工编制核编事宜，实现周转池制度效益。做好省委编办对我市周转池使用情况第一轮评估的相关准备工作。建立健全乡镇卫生院编制周转池制度。")
    rows = [
        tr(tc("项目支出绩效目标表", span=10)),
        tr(tc("（2021年度）", span=10)),
        tr(tc("项目名称", span=2), tc("机构编制管理及编制周转池改革工作", span=8)),
        tr(tc("主管部门", span=2), tc("　宿州市委编办", span=4), tc("实施单位", span=2), tc("宿州市委编办　", span=2)),
        tr(tc("项目属性", span=2), tc(" □新增项目     ☑延续项目", span=4), tc("项目期", span=2), tc("　长期", span=2)),
        tr(tc("项目资金\n（万元）", span=2, vmerge="restart"), tc(" 中期资金总额：", span=2), tc("90　", span=2),
           tc(" 年度资金总额：", span=2), tc("30", span=2)),
        tr(tc("", span=2, vmerge="continue"), tc("     其中：财政拨款", span=2), tc("90", span=2),
           tc("       其中：财政拨款", span=2), tc("30", span=2)),
        tr(tc("", span=2, vmerge="bare"), tc("           其他资金", span=2), tc("0　", span=2),
           tc("            其他资金", span=2), tc("0　", span=2)),
        tr(tc(vlabel("总体目标"), vmerge="restart"), tc("中期目标（2021年—2023年）", span=5), tc("年度目标", span=4)),
        tr(tc("", vmerge="continue"), tc(mid_goals, span=5), tc(annual_goals, span=4)),
        tr(tc(vlabel("绩效指标"), vmerge="restart"), tc("一级\n指标"), tc("二级指标"), tc("三级指标"), tc("指标值"),
           tc("绩效\n标准"), tc("二级指标"), tc("三级指标"), tc("指标值"), tc("绩效\n标准")),
    ]
    for level1, groups in SEED002_ROWS:
        first1 = True
        for level2, mids, level2b, annuals in ((g[0], g[1], g[0], g[2]) for g in groups):
            for i in range(max(len(mids), len(annuals))):
                l1 = tc(vlabel(level1.replace("\n", "")) if level1 != "满意度指标" else level1,
                        vmerge="restart" if first1 else "continue") if first1 else tc("", vmerge="continue")
                m = mids[i] if i < len(mids) else ("", "", "")
                a = annuals[i] if i < len(annuals) else ("", "", "")
                rows.append(tr(
                    tc("", vmerge="continue"), l1,
                    tc(level2 if i == 0 else "", vmerge="restart" if i == 0 else "continue"),
                    tc(m[0]), tc(m[1]), tc(m[2]),
                    tc(level2b if i == 0 else "", vmerge="restart" if i == 0 else "continue"),
                    tc(a[0]), tc(a[1]), tc(a[2])))
                first1 = False
    intro = [
        "宿州市委编办2021年项目及绩效目标情况",
        "1.“机构编制管理及编制周转池改革工作”项目。",
        "（1）项目概述：机构编制管理及编制周转池改革工作。",
        "（5）年度预算安排：30万元。",
        "（6）绩效目标和指标：详见下表。",
    ]
    return document(*[p(x) for x in intro], tbl(10, *rows, width=1400), p(""))


def seed000():
    """Seed 000's department form (部门整体绩效目标申报表): title and date paragraphs, then the
    funds block with its two-row header, 长期/年度 indicator blocks with 一级指标 merged down."""
    def funds_row(kind, label, v):
        return tr(tc("", vmerge="continue"), kind, tc(label), tc(v[0]), tc(v[1]), tc(v[2]), tc(v[3]))
    rows = [
        tr(tc("部门(单位)名称", span=1), tc("中共鄂州市委机构编制委员会办公室", span=6)),
        tr(tc("填报人"), tc("姜嫣"), tc("联系电话"), tc("027-60661210", span=4)),
        tr(tc("部门总体资金情况", vmerge="restart"), tc("总体资金情况", span=2, vmerge="restart"), tc("当年金额", vmerge="restart"),
           tc("占比", vmerge="restart"), tc("近两年收支金额", span=2)),
        tr(tc("", vmerge="continue"), tc("", span=2, vmerge="continue"), tc("", vmerge="continue"), tc("", vmerge="continue"),
           tc("2022年"), tc("2021年")),
        funds_row(tc("收入构成", vmerge="restart"), "财政拨款", ("347.93", "100%", "347.93", "413.5")),
        funds_row(tc("", vmerge="continue"), "其他资金", ("0", "0", "0", "10.73")),
        funds_row(tc("", vmerge="continue"), "合计", ("347.93", "100%", "347.93", "424.24")),
        funds_row(tc("支出构成", vmerge="restart"), "基本支出", ("297.93", "85.63%", "297.93", "363.51")),
        funds_row(tc("", vmerge="continue"), "项目支出", ("50", "14.37%", "50", "60.73")),
        funds_row(tc("", vmerge="continue"), "合计", ("347.93", "100%", "347.93", "424.24")),
        tr(tc("年度工作任务"), tc("1、优化开发区管理体制，构建葛店经开区、临空经济区一体两翼发展重大战略平台。 2、深入推进应急、自规等重点领域综合行政执法改革。", span=6)),
        tr(tc("长期绩效指标", vmerge="restart"), tc("一级指标"), tc("二级指标"), tc("三级指标"), tc("指标值"), tc("指标值确定依据", span=2)),
    ]
    long_term = [("产出指标", [("数量指标", "机构编制实名制宣传", "大于等于 100 个"), ("质量指标", "完善人员编制信息", "大于等于 100 次"),
                           ("时效指标", "完成及时性", "大于等于 100 次"), ("成本指标", "资金使用率", "等于 100%")]),
                 ("效益指标", [("可持续影响指标", "提高人员编制信息准确性", "大于等于 100%"),
                           ("社会效益指标", "保障机关事业单位编制实名制管理工作透明度、公信力", "大于等于 100%")]),
                 ("满意度指标", [("服务对象满意度指标", "服务对象满意率", "≥98%")])]
    for level1, items in long_term:
        for i, (l2, l3, v) in enumerate(items):
            rows.append(tr(tc("", vmerge="continue"), tc(level1 if i == 0 else "", vmerge="restart" if i == 0 else "continue"),
                           tc(l2), tc(l3), tc(v), tc("计划标准", span=2)))
    rows.append(tr(tc("年度绩效指标", vmerge="restart"), tc("一级指标", vmerge="restart"), tc("二级指标", vmerge="restart"),
                   tc("三级指标", vmerge="restart"), tc("指标值", span=3)))
    rows.append(tr(tc("", vmerge="continue"), tc("", vmerge="continue"), tc("", vmerge="continue"), tc("", vmerge="continue"),
                   tc("近两年指标值", span=2), tc("指标值确定依据", vmerge="restart")))
    rows.append(tr(tc("", vmerge="continue"), tc("", vmerge="continue"), tc("", vmerge="continue"), tc("", vmerge="continue"),
                   tc("上年"), tc("预期当年实现值"), tc("", vmerge="continue")))
    annual = [("产出指标", [("数量指标", "审核单位个数", "大于等于 100 个", "大于等于 100 个"), ("质量指标", "网站标识达标率", "大于等于 100 次", "大于等于 100% 次"),
                        ("时效指标", "项目完成及时率", "大于等于 100 次", "大于等于 100%"), ("成本指标", "专业审查费", "等于 100%", "等于 100%")]),
              ("效益指标", [("经济效益指标", "上缴注册费", "大于等于 100%", "大于等于 100%"), ("社会效益指标", "网站识别公共服务质量", "大于等于 100%", "大于等于 100%")]),
              ("满意度指标", [("服务对象满意度指标", "服务对象满意率", "大于等于 98%", "大于等于 98%")])]
    for level1, items in annual:
        for i, (l2, l3, v1, v2) in enumerate(items):
            rows.append(tr(tc("", vmerge="continue"), tc(level1 if i == 0 else "", vmerge="restart" if i == 0 else "continue"),
                           tc(l2), tc(l3), tc(v1), tc(v2), tc("计划标准")))
    return document(p("附 2:"), p("部门整体绩效目标申报表"), p("填报日期: 2022年11月25日"), p("单位: 万元"),
                    tbl(7, *rows, width=1800))


def bench(n):
    """n rows: a vertical label merged over every 10 rows, a gridSpan pair, a legacy hMerge pair."""
    rows = [tr(tc("一级指标"), tc("二级指标"), tc("三级指标", span=2), tc("指标值"), tc("标准", hmerge="restart"),
               tc("", hmerge="continue"))]
    for i in range(n):
        rows.append(tr(tc(f"产出指标{i // 10}", vmerge="restart" if i % 10 == 0 else None) if i % 10 == 0
                       else tc("", vmerge="continue"),
                       tc(f"数量指标{i}"), tc(f"指标{i}：审核单位个数不少于{i}家", span=2), tc(f"≥{i}个"),
                       tc("计划标准", hmerge="restart"), tc("", hmerge="continue")))
    return document(p("基准"), tbl(7, *rows))


def patch_sizes(data, name, size):
    """Rewrites the declared uncompressed size of `name` in the local and central headers."""
    buf = bytearray(data)
    encoded = name.encode()
    i = 0
    while True:
        i = buf.find(b"PK\x03\x04", i)
        if i < 0:
            break
        n = int.from_bytes(buf[i + 26:i + 28], "little")
        if buf[i + 30:i + 30 + n] == encoded:
            buf[i + 22:i + 26] = size.to_bytes(4, "little")
        i += 4
    i = 0
    while True:
        i = buf.find(b"PK\x01\x02", i)
        if i < 0:
            break
        n = int.from_bytes(buf[i + 28:i + 30], "little")
        if buf[i + 46:i + 46 + n] == encoded:
            buf[i + 24:i + 28] = size.to_bytes(4, "little")
        i += 4
    return bytes(buf)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--bench":
        with open(sys.argv[3], "wb") as f:
            f.write(docx_bytes(bench(int(sys.argv[2]))))
        return
    fixtures = {"spans": spans(), "hmerge": hmerge(), "sdt": sdt(), "nested": nested(),
                "revisions": revisions(), "adjacent": adjacent(), "seed-002-project": seed002(), "seed-000-department": seed000()}
    for name, xml in fixtures.items():
        write(f"{name}.docx", docx_bytes(xml))
    python_docx_form("python-docx-form.docx")
    write("xml/spans-document.xml", fixtures["spans"])
    write("xml/spans-flat.xml", flat_opc(fixtures["spans"]))
    # Hostile: 150 MiB of spaces inside w:body (about 150 KB deflated), declared honestly.
    bomb = document().replace("<w:body>", "<w:body>" + " " * (150 << 20))
    honest = docx_bytes(bomb)
    write("hostile/bomb-declared.docx", honest)
    # The same with the sizes forged to 1000 bytes: only counting inflated bytes catches it.
    write("hostile/bomb-understated.docx", patch_sizes(honest, "word/document.xml", 1000))
    # A DOCTYPE with an external entity inside a real package.
    evil = document(p("&xxe;")).replace(
        "<w:document", '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n<w:document', 1)
    write("hostile/doctype-entity.docx", docx_bytes(evil))
    # A ZIP holding no Word main part (no officeDocument relationship).
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("readme.txt", date_time=(2024, 1, 1, 0, 0, 0)), "not a docx")
    write("hostile/no-main-part.zip", out.getvalue())


if __name__ == "__main__":
    main()
