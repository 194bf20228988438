import Foundation
import Testing

@testable import TablemendModel

/// What `JSONOutput.encode` wrote before `JSONWriter`: the reference the fast path must match.
func foundationJSON<T: Encodable>(_ value: T) throws -> Data {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  encoder.nonConformingFloatEncodingStrategy = .convertToString(
    positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
  return try encoder.encode(value)
}

/// Checks that the fast path wrote exactly the reference bytes, showing both when not.
func expectParity<T: Encodable>(
  _ value: T, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let fast = try JSONOutput.encode(value)
  let reference = try foundationJSON(value)
  #expect(
    fast == reference,
    "\n fast: \(String(decoding: fast, as: UTF8.self))\n  ref: \(String(decoding: reference, as: UTF8.self))",
    sourceLocation: sourceLocation)
}

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

let trickyStrings: [String] = [
  "", "plain", "quote \" inside", "back\\slash", "a/b//c", "</script>", "tab\tnew\nline\rcr",
  "\u{0}\u{1}\u{7}\u{8}\u{b}\u{c}\u{e}\u{f}\u{10}\u{1a}\u{1f}", "\u{7f}del", "\u{80}\u{9f}",
  "line\u{2028}sep\u{2029}para", "emoji 😀👨‍👩‍👧 flag 🇨🇳", "e\u{301} combining", "é precomposed",
  "\u{feff}bom", "\u{fffd}", "项目名称", "（2021年度）", "大于等于 100% 次", "１２３ full width",
  "\\\"/\u{0}", "\"", "\\", "/",
]

let trickyDoubles: [Double] = [
  0, -0.0, 1, -1, 1e-7, 1e21, 0.1 + 0.2, 4_100_000, 13459.00, 347.93, 100, 0.5, -2.5,
  .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
  .leastNormalMagnitude, 1e15, 1e15 - 1, 1e16, 9_007_199_254_740_992, 9_007_199_254_740_993,
  123_456_789_012_345_680, 1e-5, 0.0001, 0.001, 1e22, 1e300, -1e-300, 5e-324, 2.0e20, 30000,
  Double(Int.max), -Double(Int.max), .nan, .infinity, -.infinity, .ulpOfOne, 1 / 3,
]

/// Keys that sort differently under byte order, case-insensitive or numeric comparison.
let trickyKeys: [String] = [
  "a", "B", "b", "A", "Z", "_x", "a10", "a9", "a1", "a01", "10", "2", "项目名称", "主管部门",
  "实施单位", "年度资金总额", "é", "e\u{301}x", "e", "ä", "１", "ｂ", "", "😀", "\u{ffff}",
  "\u{10000}", "a b", "a\u{0}", "/", "\"",
]

@Suite struct JSONWriterTests {
  @Test func pdfAndSheetLocationsWriteLikeFoundation() throws {
    try expectParity(Location.pdf(page: 3, box: Box(x0: 72.004, y0: 100.5, x1: 300, y1: 112.25)))
    try expectParity(Location.sheet("表1 项目", row: 2, column: 27))
    #expect(Location.sheet("s", row: 2, column: 27).ref == "AB3")
    #expect(Location.a1(row: 0, column: 0) == "A1")
    #expect(Location.a1(row: 9, column: 25) == "Z10")
    #expect(Location.a1(row: 0, column: 701) == "ZZ1")
    #expect(Location.a1(row: 0, column: 702) == "AAA1")
    let box = Box(x0: 1, y0: 2, x1: 3, y1: 4)
    let decoded = try JSONDecoder().decode(Box.self, from: try foundationJSON(box))
    #expect(decoded == box)
    #expect(Location.pdf(page: 2, box: box).description == "page 2 (1.0,2.0)–(3.0,4.0)")
    #expect(Location.sheet("A", row: 0, column: 1).description == "A!B1")
  }

  @Test func trickyStringsEscapeLikeFoundation() throws {
    for text in trickyStrings {
      try expectParity([text])
      try expectParity(Location(line: 1, column: 2, part: text))
    }
    // Every byte below 0x80 once, in one string and one by one.
    let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
    try expectParity([ascii])
    for byte in 0..<128 { try expectParity([String(decoding: [UInt8(byte)], as: UTF8.self)]) }
  }

  @Test func controlCharactersUseLowerCaseHex() throws {
    let json = String(decoding: try JSONOutput.encode(["\u{1f}\u{b}\u{8}/"]), as: UTF8.self)
    #expect(json == #"["\u001f\u000b\b/"]"#)
  }

  @Test func trickyDoublesFormatLikeFoundation() throws {
    for number in trickyDoubles {
      try expectParity(Fund(label: "l", period: "annual", amount: number, unit: "万元"))
      var value = Value(raw: "r", kind: .range)
      value.min = number
      value.max = -number
      value.baseValue = number * 10
      value.value = number / 7
      try expectParity(value)
    }
  }

  @Test func integralDoublesDropTheirPointZero() throws {
    let funds = [100, 4_100_000, 13459.00, -0.0, 347.93, 1e21, 1e-7].map {
      Fund(label: "x", period: "annual", amount: $0, unit: "元")
    }
    let json = String(decoding: try JSONOutput.encode(funds), as: UTF8.self)
    let amounts = json.split(separator: ",").filter { $0.contains("amount") }
      .map { $0.split(separator: ":").last.map(String.init) ?? "" }
    #expect(amounts == ["100", "4100000", "13459", "-0", "347.93", "1e+21", "1e-07"])
  }

  @Test func randomDoublesFormatLikeFoundation() throws {
    var rng = SplitMix64(state: 42)
    var funds: [Fund] = []
    for i in 0..<4000 {
      let number: Double
      switch i % 4 {
      case 0: number = Double(bitPattern: rng.next())  // any bit pattern, NaNs included
      case 1: number = Double(Int64(bitPattern: rng.next()) >> Int(rng.next() % 64))
      case 2: number = Double(rng.next() % 1_000_000) / 100  // money with cents
      default: number = Double.random(in: -1e17...1e17, using: &rng)
      }
      funds.append(Fund(label: "\(i)", period: "p", amount: number, unit: "u"))
    }
    try expectParity(funds)
  }

  @Test func dictionaryKeysSortByUTF8Bytes() throws {
    var fields: [String: String] = [:]
    for (index, key) in trickyKeys.enumerated() { fields[key] = "v\(index)" }
    try expectParity(fields)
    try expectParity(Record(section: "项目支出情况", fields: fields))
    let json = String(decoding: try JSONOutput.encode(fields), as: UTF8.self)
    // Byte order: upper case before lower case, "10" before "2", Latin before CJK.
    let order = [
      "\"10\"", "\"2\"", "\"B\"", "\"a\"", "\"a01\"", "\"a1\"", "\"a10\"", "\"a9\"", "\"é\"",
      "\"主管部门\"",
    ]
    let positions = order.compactMap { json.range(of: $0)?.lowerBound }
    #expect(positions.count == order.count)
    #expect(positions == positions.sorted())
  }

  @Test func randomStringsAndKeysMatchFoundation() throws {
    var rng = SplitMix64(state: 7)
    let pool: [Unicode.Scalar] =
      (0..<0x80).compactMap { Unicode.Scalar(UInt32($0)) } + [
        "é", "\u{301}", "项", "目", "😀", "\u{2028}", "Ａ", "\u{ffff}",
      ]
    func randomString() -> String {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int(rng.next() % 12) {
        scalars.append(pool[Int(rng.next() % UInt64(pool.count))])
      }
      return String(scalars)
    }
    for _ in 0..<200 {
      var fields: [String: String] = [:]
      for _ in 0..<Int(rng.next() % 20) { fields[randomString()] = randomString() }
      try expectParity(
        Record(section: randomString(), fields: fields))
    }
  }

  @Test func everyValueKeyInOrderAndNilsLeftOut() throws {
    var full = Value(raw: "2021年1月-12月 约 3万元/年 \"x\"", kind: .comparison)
    full.op = .greaterOrEqual
    full.value = 3
    full.unit = "万元"
    full.per = "年"
    full.approximate = true
    full.min = 1
    full.max = 2.5
    full.minInclusive = false
    full.maxInclusive = true
    full.date = Value.DateParts(year: 2021, month: 12, day: 31, relation: "by", quarter: 4)
    full.from = Value.DateParts(year: 2021, month: 1)
    full.every = "月"
    full.at = "月初"
    full.text = "提高"
    full.direction = "up"
    full.grade = "优"
    full.subject = "市直…行政机构"
    full.unparsed = ["次", "/"]
    full.baseValue = 30000
    full.baseUnit = "元"
    var multiple = Value(raw: "机关 300元/个/年", kind: .multiple)
    multiple.parts = [
      Value.Part(label: "机关", value: full), Value.Part(label: nil, value: .empty()),
    ]
    try expectParity(full)
    try expectParity(multiple)
    try expectParity(Value.empty(raw: "  "))
    try expectParity(Value.DateParts())
    try expectParity(Value.DateParts(relation: "in", quarter: 3))
    for kind in Value.Kind.allCases { try expectParity(Value(raw: "", kind: kind)) }
    for op in Value.Operator.allCases {
      try expectParity(Value.comparison(raw: "x", op: op, value: -0.0, unit: nil))
    }
  }

  @Test func explicitNullsAndOptionalKeysMatchFoundation() throws {
    let here = Location(line: 47, column: 4, part: "word/document.xml")
    let value = Value.comparison(raw: "≥100个", op: .greaterOrEqual, value: 100, unit: "个")
    let indicators = [
      Indicator(
        period: "annual", level1: "产出指标", level2: "数量指标", level3: "审核单位个数", value: value,
        location: here),
      Indicator(
        period: "mid-term", level1: "效益指标", level2: "", level3: "满意度", value: .empty(),
        standard: "历史标准",
        history: [
          HistoryValue(label: "前年", value: value), HistoryValue(label: "", value: .empty()),
        ],
        evaluation: ["得分": "10", "分值": "10", "实际完成值": "100%"], location: here),
      Indicator(
        period: "annual", level1: "", level2: "", level3: "", value: .empty(), evaluation: [:],
        location: Location(line: 1, column: 1)),
    ]
    for indicator in indicators { try expectParity(indicator) }
    let forms = [
      Form(kind: .projectTargets, tables: ["t1"], location: here),
      Form(
        kind: .departmentSelfEvaluation, title: "部门整体支出绩效自评表", year: 2021,
        fields: ["项目名称": "深化事业单位改革", "主管部门": "编办", "Budget": "/"],
        funds: [
          Fund(label: "财政拨款", period: "annual", amount: 30, unit: "万元", category: "收入构成"),
          Fund(label: "其他资金", period: "2021", amount: 0.35, unit: "万元"),
        ],
        goals: [
          Goal(period: "annual", items: ["目标一", "目标二"]), Goal(period: "mid-term", items: []),
        ],
        indicators: indicators,
        records: [Record(section: "年度工作任务", fields: ["任务名称": "a", "主要内容": "b"])],
        tables: ["t1", "t2"], location: here),
    ]
    try expectParity(forms)
    let diagnostics = [
      Diagnostic(.warning, "page-break-rejoined", "rejoined \"row\" 3/4", at: here),
      Diagnostic(.info, "no-location", "no place", at: nil),
      Diagnostic(.error, "x", "", at: Location(line: 0, column: -1)),
    ]
    try expectParity(diagnostics)
    let cells = [
      Cell(row: 0, column: 0, paragraphs: [], location: here),
      Cell(
        row: 3, column: 1, rowSpan: 10, columnSpan: 2, paragraphs: ["总体目标", "", "第二段"],
        location: Location(line: 3, column: 1), inferred: ["rowSpan", "text"], tables: ["t2", "t3"]),
      Cell(row: 1, column: 0, paragraphs: ["x"], location: here, tables: []),
    ]
    let document = Document(
      source: Source(path: "/tmp/a b/项目.docx", sha256: "ab", encoding: "binary", dialect: "docx"),
      tables: [
        Table(id: "t1", rowCount: 11, columnCount: 3, cells: cells),
        Table(id: "t2", rowCount: 0, columnCount: 0, cells: []),
      ],
      forms: forms, diagnostics: diagnostics)
    try expectParity(document)
    try expectParity([document, document])
    try expectParity(Document(source: document.source, tables: [], forms: [], diagnostics: []))
  }

  @Test func otherTypesAndPrettyOutputStillUseJSONEncoder() throws {
    struct Other: Encodable {
      var b = 1.0
      var a = ["x/y"]
    }
    #expect(
      String(decoding: try JSONOutput.encode(Other()), as: UTF8.self) == #"{"a":["x/y"],"b":1}"#)
    let location = Location(line: 2, column: 3)
    let pretty = String(decoding: try JSONOutput.encode(location, pretty: true), as: UTF8.self)
    #expect(pretty == "{\n  \"column\" : 3,\n  \"line\" : 2\n}")
  }
}
