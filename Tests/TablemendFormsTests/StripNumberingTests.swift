import Foundation
import Testing

@testable import TablemendForms

/// The hand-written `指标N：` stripper removes exactly what the ICU pattern it replaced removes.
@Suite struct StripNumberingTests {
  static let reference = try? NSRegularExpression(pattern: #"^指标\s*\d+\s*[：:]*\s*"#)

  static func viaRegex(_ s: String) -> String {
    guard s.hasPrefix("指标"), let re = reference else { return s }
    return re.stringByReplacingMatches(
      in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "")
  }

  static let cases = [
    "指标0：审核单位个数不少于0家", "指标12:培训人次", "指标 3 ：：覆盖率", "指标\t4\u{3000}：\u{00A0}满意度",
    "指标５：全角数字", "指标١٢:阿拉伯数字", "指标：没有编号", "指标\u{0B}1：竖制表符不是空白", "指标1\u{0301}：组合符",
    "指标\u{0301}1：", "指标", "指标1", "指标 1 ", "指标值", "三级指标", "", "指标1\u{2028}行分隔",
    "指标1\u{85}下一行", "指标 12 : 3 :x", "指标\u{1680}7\u{2000}:a", "指标\u{200B}8：b", "指标9\u{FEFF}：c",
  ]

  @Test(arguments: cases)
  func matchesTheICUPattern(_ text: String) {
    #expect(IndicatorReader.stripNumbering(text) == Self.viaRegex(text))
  }

  @Test func stripsTheNumberAndItsColon() {
    #expect(IndicatorReader.stripNumbering("指标0：审核单位个数不少于0家") == "审核单位个数不少于0家")
    #expect(IndicatorReader.stripNumbering("指标 3 ：：覆盖率") == "覆盖率")
    #expect(IndicatorReader.stripNumbering("指标：没有编号") == "指标：没有编号")
    #expect(IndicatorReader.stripNumbering("指标值") == "指标值")
  }

  @Test func fillerIsComparedScalarByScalar() {
    #expect(IndicatorReader.isFiller("……"))
    #expect(IndicatorReader.isFiller("无"))
    #expect(IndicatorReader.isFiller(""))
    #expect(!IndicatorReader.isFiller(".\u{0301}"))
    #expect(!IndicatorReader.isFiller("无效"))
  }
}
