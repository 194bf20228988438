/// The labels of a form's fields, and the page furniture around a form that looks like fields.
public enum FieldLabels {
  /// Field labels printed on the forms (compared as `LabelFolding` keys).
  static let known: Set<String> = [
    "项目名称", "主管部门", "实施单位", "项目实施单位", "主管部门及代码", "项目负责人", "项目负责人及电话",
    "联系电话", "联系人", "联系人及电话", "项目属性", "项目类型", "项目类别", "项目期", "项目来源",
    "项目分类", "资金用途", "预算执行数", "预算执行率", "预算数", "执行数", "执行率", "资金来源", "填报日期",
    "单位名称", "部门名称", "部门(单位)名称", "填报人", "预算单位", "实施期", "项目起止时间",
    "开始日期", "结束日期", "项目开始日期", "项目完成日期", "资金使用单位", "绩效编制单位", "项目口径",
    "归口业务科室", "是否政府采购", "专项名称", "专项属性", "专项负责人", "专项起止时间",
  ]

  /// Labels of the page around a form (a portal's metadata, a document site's banner).
  static let furniture: [String] = [
    "资源ID", "资源大小", "资源格式", "下载积分", "还剩", "索引号", "发文日期", "发布时间", "发布日期",
    "发布机构", "来源", "浏览量", "浏览次数", "点击数", "阅读数", "字号", "字体", "文号", "发文字号",
    "主题分类", "体裁分类", "成文日期", "有效性", "公开方式", "公开范围", "信息时效性", "统一登记号",
    "主题词", "作者", "责任编辑", "编辑", "分享到", "所属类别", "信息来源", "生成日期", "发布单位", "搜索",
  ]

  /// True when `label` is a known field label of the forms.
  public static func isFieldLabel(_ label: String) -> Bool {
    guard label.utf8.count <= 48 else { return false }
    return known.contains(LabelFolding.key(label).trimmingCharacters(in: [":", "："]))
  }

  /// True when `label` can be a field's label at all: 1 to 24 characters that open with an
  /// ideograph or a bracket and hold no run of more than four digits (a run-together line cut
  /// in the wrong places gives `10606.7522万元` or `总体概念规划201620202、核心区规划` as labels).
  public static func isLabelShaped(_ label: String) -> Bool {
    var k = Substring(LabelFolding.key(label))
    // Numbering before the label (`1、一般公共预算`, `2.`) is no part of its shape.
    if let mark = k.firstIndex(where: { $0 == "、" || $0 == "." }), mark != k.startIndex,
      k[..<mark].allSatisfy(\.isASCII), k[..<mark].allSatisfy(\.isNumber)
    {
      k = k[k.index(after: mark)...]
    }
    guard let first = k.unicodeScalars.first, k.count <= 24 else { return false }
    guard (0x4E00...0x9FFF).contains(first.value) || "([【〔".unicodeScalars.contains(first) else {
      return false
    }
    var digits = 0
    for s in k.unicodeScalars {
      digits = ("0"..."9").contains(s) ? digits + 1 : 0
      if digits > 4 { return false }
    }
    return true
  }

  /// True when `label` belongs to the page, not to the form: never a field.
  public static func isFurniture(_ label: String) -> Bool {
    guard label.utf8.count <= 120 else { return false }
    let k = LabelFolding.key(label).trimmingCharacters(in: [":", "：", "[", "]", "【", "】"])
    if furniture.contains(k) { return true }
    // A form's title read as a label (`…绩效目标自评表(`).
    return k.has("绩效") && (k.has("表(") || k.hasSuffix("表"))
  }
}
