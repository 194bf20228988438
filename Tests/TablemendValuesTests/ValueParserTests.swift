import TablemendModel
import TablemendValues
import Testing

@Suite("ValueParser")
struct ValueParserTests {
  static let all: [(String, String)] =
    ValueCases.seeds + ValueCases.real + ValueCases.issue + ValueCases.realistic
    + ValueCases.traditional + ValueCases.units + ValueCases.scaled + ValueCases.years
    + ValueCases.spaced + ValueCases.kept

  @Test("the table has at least 300 cases")
  func enoughCases() {
    #expect(Self.all.count >= 300)
  }

  @Test("seed values", arguments: ValueCases.seeds)
  func seeds(_ c: (String, String)) {
    #expect(describe(ValueParser.parse(c.0)) == c.1, "\(c.0)")
  }

  @Test("real values from ../shared/real", arguments: ValueCases.real)
  func real(_ c: (String, String)) {
    #expect(describe(ValueParser.parse(c.0)) == c.1, "\(c.0)")
  }

  @Test("issue phrases", arguments: ValueCases.issue)
  func issue(_ c: (String, String)) {
    #expect(describe(ValueParser.parse(c.0)) == c.1, "\(c.0)")
  }

  @Test("realistic phrases", arguments: ValueCases.realistic)
  func realistic(_ c: (String, String)) {
    #expect(describe(ValueParser.parse(c.0)) == c.1, "\(c.0)")
  }

  @Test("traditional characters", arguments: ValueCases.traditional)
  func traditional(_ c: (String, String)) {
    #expect(describe(ValueParser.parse(c.0)) == c.1, "\(c.0)")
  }

  @Test("units: Latin, 周岁, measure words, compound", arguments: ValueCases.units)
  func units(_ c: (String, String)) {
    #expect(describe(ValueParser.parse(c.0)) == c.1, "\(c.0)")
  }

  @Test("scaled units", arguments: ValueCases.scaled)
  func scaled(_ c: (String, String)) {
    #expect(describe(ValueParser.parse(c.0)) == c.1, "\(c.0)")
  }

  @Test("years", arguments: ValueCases.years)
  func years(_ c: (String, String)) {
    #expect(describe(ValueParser.parse(c.0)) == c.1, "\(c.0)")
  }

  @Test("targets joined from cells with spaces", arguments: ValueCases.spaced)
  func spaced(_ c: (String, String)) {
    #expect(describe(ValueParser.parse(c.0)) == c.1, "\(c.0)")
  }

  @Test("forms that keep working", arguments: ValueCases.kept)
  func kept(_ c: (String, String)) {
    #expect(describe(ValueParser.parse(c.0)) == c.1, "\(c.0)")
  }

  @Test("raw is always the text exactly as given", arguments: ValueParserTests.all.map(\.0))
  func rawKept(_ text: String) {
    #expect(ValueParser.parse(text).raw == text)
  }

  @Test("a stray unit after a percentage is reported, not dropped")
  func strayUnit() {
    let v = ValueParser.parse("大于等于 100% 次")
    #expect(v.unparsed == ["次"])
    #expect(v.unit == "%")
  }

  @Test("notes in brackets are reported as unparsed")
  func bracketNote() {
    #expect(ValueParser.parse("100%(历史标准)").unparsed == ["(历史标准)"])
    #expect(ValueParser.parse("2019年12月(计划标准)").unparsed == ["(计划标准)"])
  }

  @Test("a count inside a sentence keeps the rest as its subject")
  func subjects() {
    #expect(ValueParser.parse("市直62家行政机构").subject == "市直…行政机构")
    #expect(ValueParser.parse("满意度100%").subject == "满意度")
    #expect(ValueParser.parse("不低于50人次的个体心理咨询辅导").subject == "个体心理咨询辅导")
    #expect(ValueParser.parse("开展不低于5次的社区法治宣传活动").subject == "开展…社区法治宣传活动")
    #expect(ValueParser.parse("递交请示一周内予以答复或适时提请会议研究").subject == "递交请示…予以答复或适时提请会议研究")
    #expect(ValueParser.parse("≥98%").subject == nil)
  }

  @Test("the year before a count is kept in date and subject")
  func yearKept() {
    let v = ValueParser.parse("2021年约280家")
    #expect(v.date?.year == 2021)
    #expect(v.subject == "2021年")
  }

  @Test("scaled units keep their spelling and add the base unit")
  func scaledUnits() {
    let v = ValueParser.parse("≤90万元")
    #expect(v.unit == "万元")
    #expect(v.baseUnit == "元")
    #expect(v.baseValue == 900_000)
    let w = ValueParser.parse("=5.00(万人次)")
    #expect(w.unit == "万人次")
    #expect(w.baseUnit == "人次")
    #expect(w.baseValue == 50_000)
  }

  @Test("traditional characters are read, and reported as written")
  func traditionalWritten() {
    let v = ValueParser.parse("≤104萬元")
    #expect(v.unit == "萬元")
    #expect(v.baseValue == 1_040_000)
    #expect(v.baseUnit == "元")
    #expect(v.subject == nil)
    let w = ValueParser.parse("≥1萬畝")
    #expect(w.baseValue == 10_000)
    #expect(w.baseUnit == "畝")
    #expect(ValueParser.parse("市直62家行政機構").subject == "市直…行政機構")
    #expect(ValueParser.parse("減少").text == "減少")
    #expect(ValueParser.parse("10場").subject == nil)
  }

  @Test("a unit after 万 that the lexicon does not list keeps the number as written")
  func scaledAnyUnit() {
    let v = ValueParser.parse("550万粒")
    #expect(v.value == 550)
    #expect(v.unit == "万粒")
    #expect(v.baseValue == 5_500_000)
    #expect(v.baseUnit == "粒")
    #expect(v.subject == nil)
    #expect(ValueParser.parse("200万粒种薯").subject == "种薯")
  }

  @Test("compound and Latin units leave nothing behind")
  func unitsWhole() {
    for text in [">=530元/人*月", "524m", "18—54周岁", "≥50km2"] {
      let v = ValueParser.parse(text)
      #expect(v.subject == nil, "\(text)")
      #expect(v.unparsed == nil, "\(text)")
    }
    // A Latin unit ends its word: `mins` is not `min` + `s`, nor a stray unit.
    #expect(ValueParser.parse("5mins").subject == "mins")
  }

  @Test("a year alone is a deadline with that year")
  func yearAlone() {
    let v = ValueParser.parse("2021年")
    #expect(v.kind == .deadline)
    #expect(v.date == Value.DateParts(year: 2021))
    #expect(v.subject == nil)
    #expect(ValueParser.parse("2021年(计划标准)").unparsed == ["(计划标准)"])
    let q = ValueParser.parse("较2020年有所提高")
    #expect(q.kind == .qualitative)
    #expect(q.date?.year == 2020)
  }

  @Test("directions on counts written with a direction word")
  func countDirection() {
    #expect(ValueParser.parse("下降2个百分点").direction == "down")
    #expect(ValueParser.parse("较上年增长10%").direction == "up")
    #expect(ValueParser.parse("补贴对象生活改善度不低于 80%").direction == nil)
  }

  @Test("ranges written as two bounds keep exclusive ends")
  func exclusiveBounds() {
    let v = ValueParser.parse("大于90%小于100%")
    #expect(v.kind == .range)
    #expect(v.minInclusive == false)
    #expect(v.maxInclusive == false)
  }

  @Test("every seed indicator value that holds a number is typed, not qualitative")
  func seedsTyped() {
    for (text, _) in ValueCases.seeds + ValueCases.real {
      let v = ValueParser.parse(text)
      if v.kind == .qualitative {
        let hasDigit = text.unicodeScalars.contains { $0.properties.numericType != nil }
        #expect(!hasDigit || text == "≥**个", "\(text) is qualitative but holds a number")
      }
    }
  }

  @Test(
    "bad input never crashes",
    arguments: [
      "≥", "%", "-", "--5", "1-", "第", "百分之", "每", "(", ")", "((((", "9999999999999999999999",
      "1.2.3.4", "≥≥≥", "年", "月底", "·", "/个/年", "万", "亿元", "\u{0}", "🙂", "1e5", ",,,",
      "3-", "至少", "约", "2023-", "2023-13-40", "0.0000001%", "-5%",
    ])
  func robust(_ text: String) {
    let v = ValueParser.parse(text)
    #expect(v.raw == text)
  }
}
