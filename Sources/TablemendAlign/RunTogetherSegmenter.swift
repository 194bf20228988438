import TablemendValues
import TablemendVocabulary

/// Cuts text that runs several cells together (`产出指标数量指标足额保障率=100%`) at what the
/// vocabulary and the value syntax recognise: level labels and header words, `指标1：` numbering,
/// and values (`>=28次`, `100%`, `1.2万亩`).
///
/// Text with none of these is returned whole. A number is cut out as a value only when a
/// comparison precedes it or a unit follows it and then another value, a label or the end;
/// a number inside a name (`6小时内扑灭率`, `2021年11月30日前完成`) stays in the name.
public enum RunTogetherSegmenter {
  /// Words that start a cell of their own wherever they occur.
  static let markers: [String] = {
    let headers = [
      "一级指标", "二级指标", "三级指标", "年初目标值", "年度指标值", "实际完成值", "全年实际值", "年度目标值",
      "指标值", "目标值", "完成值", "分值", "得分", "指标名称", "计量单位", "度量单位", "指标性质",
      "未完成原因及改进措施", "偏差原因分析及改进措施", "合计", "总分", "计划标准", "行业标准", "历史标准",
      "其他标准", "是否核心指标", "指标权重", "指标得分", "得分系数", "年初指标值", "调整指标值", "全年完成值",
      "绩效目标表", "绩效自评表", "绩效目标申报表", "绩效目标填报表", "指标值类型", "指标类型", "备注",
    ]
    return (LevelLabels.spellings + headers).sorted { $0.count > $1.count }.map { $0 }
  }()

  static let markerChars: [[Character]] = markers.map { Array($0) }

  /// Markers that end a form's title.
  static let titleWords: Set<String> = ["绩效目标表", "绩效自评表", "绩效目标申报表", "绩效目标填报表"]

  /// The markers by their first character, longest first.
  static let markersByFirst: [Character: [[Character]]] = Dictionary(
    grouping: markerChars, by: { $0[0] })

  /// True when `word` stands in `text` at `k`.
  static func matches(_ word: [Character], _ text: [Character], at k: Int) -> Bool {
    guard word.count <= text.count - k else { return false }
    var i = 0
    while i < word.count {
      if text[k + i] != word[i] { return false }
      i += 1
    }
    return true
  }

  static let opPrefixes: [[Character]] = [
    "大于等于", "小于等于", "不低于", "不少于", "不高于", "不超过", "不多于", "大于", "小于", "高于", "低于", "达到",
    "至少", "等于", ">=", "<=", "≥", "≤", "＞", "＜", ">", "<", "=", "＝", "≧", "≦",
  ].map { Array($0) }

  /// The first scalars of `opPrefixes`.
  static let opStarts: Set<Unicode.Scalar> = Set(
    opPrefixes.compactMap { $0.first?.unicodeScalars.first })

  /// Units a value may end with, longest first.
  /// The value parser's units of two characters or more, and the segmenter's own: 万 before a
  /// unit, traditional spellings, Latin units, and only the single characters that are seldom
  /// the first of the next cell's word (`单`, `点`, `级`, `日` are: `1单项业务成本`).
  static let units: [[Character]] = Array(
    Set(
      [
        "百分比", "万人次", "平方公里", "平方米", "立方米", "万平方米", "万元", "亿元", "萬元", "億元", "万亩", "萬畝", "人次",
        "个月", "小时", "公里", "千米", "公顷", "批次", "课时", "学时", "万人", "元/人", "%", "％", "‰", "元", "个", "個",
        "次", "人", "户", "戶", "天", "件", "项", "項", "处", "處", "所", "名", "场", "場", "篇", "期", "份", "台",
        "臺",
        "辆", "套", "座", "米", "亩", "畝", "吨", "噸", "家", "本", "册", "条", "條", "种", "種", "株", "棵", "头",
        "只",
        "起", "粒", "张", "張", "部", "村", "分", "倍", "例", "床", "栋", "间", "宗", "批", "厘米", "毫米",
        "千瓦", "兆瓦", "千瓦时", "工作日", "个工作日", "周", "季度", "微克", "毫克", "千克", "公斤", "克", "分贝", "升", "立方米",
        "km", "KM", "kg", "kw", "kW", "kWh", "kwh", "MW", "mm", "cm", "㎡", "m²", "m³", "㎞",
        "尾", "羽", "艘", "箱", "袋", "盏", "枚", "幢", "颗", "盒", "瓶", "剂", "届", "笔", "幅", "队",
      ] + ValueParser.unitSpellings.filter { $0.count >= 2 && !$0.allSatisfy(\.isASCII) })
  ).sorted {
    $0.count != $1.count ? $0.count > $1.count : $0 < $1
  }.map { Array($0) }

  /// The units of one character, looked up behind a value's digits.
  static let singleCharacterUnits: Set<Character> = Set(
    units.filter { $0.count == 1 }.map { $0[0] })

  /// The cells in `text`.
  /// - Parameter phrases: phrases that repeat in the document's run-together text after values
  ///   (a result column's `达成预期指标`): each occurrence is a cell of its own.
  /// - Parameter wholeLine: true when the text is a whole line with no separator in it, so a
  ///   long text is run-together cells rather than one long name.
  static func segments(
    of text: String, phrases: [[Character]] = [], wholeLine: Bool = true,
    memo: KindMemo = KindMemo()
  ) -> [String] {
    let chars = Array(text)
    guard chars.count >= 5 else { return [text] }
    // A cell that is one header word or label as a whole is not cut (`近两年指标值`).
    switch memo.kind(of: text) {
    case .header, .level1, .level2, .eitherLevel, .standard: return [text]
    default: break
    }
    var cuts = Set<Int>()

    // 1. Markers, found in the folded key and mapped back.
    let (key, origin) = LabelFolding.keyed(chars)
    var sawLevel1 = false
    var k = 0
    while k < key.count {
      var matched = 0
      for m in phrases where Self.matches(m, key, at: k) {
        matched = m.count
        break
      }
      if matched == 0, let candidates = Self.markersByFirst[key[k]] {
        for m in candidates where Self.matches(m, key, at: k) {
          matched = m.count
          break
        }
      }
      // A word in brackets is a note on the cell before it: `90%(计划标准)`; a 二级 label
      // without 指标 ending a short cell is the end of a name (`…的可持续影响`).
      let bare = matched > 0 && !bareLabelCuts(key, k, matched)
      if matched > 0, (k > 0 && key[k - 1] == "(") || bare || inSentence(key, k, matched) {
        k += matched
        continue
      }
      if matched > 0 {
        let word = String(key[k..<(k + matched)])
        // A form's title word ends the title it closes (`省级部门预算项目支出绩效目标表`): the
        // cut is after it only.
        if !titleWords.contains(word) { cuts.insert(origin[k]) }
        if LevelLabels.isLevel1(word) { sawLevel1 = true }
        // `产出数量指标` with no 一级 before it: the 一级 `产出` run into the 二级 `数量指标`.
        if !sawLevel1, word.hasPrefix("产出"), word.hasSuffix("指标"), matched >= 6,
          LevelLabels.isLevel2(String(word.dropFirst(2)))
        {
          cuts.insert(origin[k + 2])
          sawLevel1 = true
        }
        let endKey = k + matched
        var end = endKey < key.count ? origin[endKey] : chars.count
        // A score after a label stays with it: 产出指标(50分); an outline number after it
        // (`产出指标(一)数量指标`) does not: Chinese numerals are no score.
        if end < chars.count, chars[end] == "(" || chars[end] == "（",
          let close = chars[end...].firstIndex(where: { $0 == ")" || $0 == "）" }), close - end <= 6,
          chars[(end + 1)..<close].allSatisfy({
            ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "分" || $0 == " "
          })
        {
          end = close + 1
        }
        cuts.insert(end)
        k = endKey
        while k < key.count && origin[k] < end { k += 1 }
        continue
      }
      k += 1
    }
    // 1a. A comparison with a target word (`达到预计值`, `不低于目标值`): an explanation column's
    // words between a name and its value.
    for span in CellClassifier.targetPhrases(chars) {
      cuts.insert(span.lowerBound)
      cuts.insert(span.upperBound)
    }
    // 1b. An explanation column's text run in between a name and its value (指标解释:
    // `…补助县数量反映宗教管理经费补助县数量情况2312222`).
    for span in explanationSpans(chars) {
      cuts.insert(span.lowerBound)
      cuts.insert(span.upperBound)
    }
    // 2. Numbering: 指标1：, 指标2:
    var numbering: [Range<Int>] = []
    var i = 0
    while i + 2 < chars.count {
      if let end = numberingEnd(chars, at: i),
        !(i + 3 < chars.count && chars[i + 3] == "值"), !isScoreAfterLabel(chars, at: i + 2)
      {
        cuts.insert(i)
        // `指标100%` is a label's end and a value, not numbering.
        var run = i + 2
        while run < chars.count, chars[run].isASCII, chars[run].isNumber || chars[run] == "." {
          run += 1
        }
        if run < chars.count, "%％‰".contains(chars[run]) {
          cuts.remove(i)
          i += 1
          continue
        }
        cuts.insert(end)
        numbering.append(i..<end)
      }
      i += 1
    }
    // 2a. A score glued before a month (`…资金支付811月底完成`: 8 and 11月底完成).
    for (score, month) in scoresBeforeMonths(chars) {
      cuts.insert(score)
      cuts.insert(month)
    }
    // 2a'. In a self-evaluation, a target and its result that are the same number, and the
    // score (or the weight and the score) after them, run together (`公猪舍(≥**平方米)22.822.81`:
    // 22.8, 22.8 and 1; `工程完工率1001001010`: 100, 100, 10 and 10).
    if memo.resultsAndScores {
      for starts in doubledNumbers(chars) { cuts.formUnion(starts) }
    }
    // 2a''. A heading that introduces prose items (`(二)绩效目标:道路硬化≥0.565km;…`): the
    // items start after its colon.
    if let colon = headingColon(chars) { cuts.insert(colon + 1) }
    // 2b. A prose item `name,value;` (`完成时限,2025年10月底前;`, `农民综合素质,持续提高。`),
    // ending the line or run together with the next; also a cell of a line whose items are
    // set apart by spaces (a page whose line breaks became spaces).
    if wholeLine || chars.last.map({ ";；".contains($0) }) == true {
      for (comma, end) in proseItemValues(chars, memo: memo) {
        cuts.insert(comma)
        cuts.insert(comma + 1)
        cuts.insert(end)
      }
    }
    // 2c. A date after a name that asks for one (`完成时间12月已完成`): the date is the target,
    // what follows it the result.
    for span in datesAfterTimeNames(chars) {
      cuts.insert(span.lowerBound)
      if span.upperBound < chars.count { cuts.insert(span.upperBound) }
    }
    // 2d. In a self-evaluation, a target and its result written alike, run together before the
    // score (`公用经费标准符合相关文件要求符合相关文件要求5`).
    if memo.resultsAndScores {
      for (first, second, end) in doubledTexts(chars) {
        cuts.insert(first)
        cuts.insert(second)
        cuts.insert(end)
      }
    }
    // 3. Values, where the text is plainly several cells: a marker was found, several values
    // stand in it, or it is too long for one cell (`已完成100%` stays whole).
    let spans =
      chars.contains(where: { $0.isASCII && $0.isNumber })
      ? valueSpans(chars, boundaries: cuts) : []
    // A whole line, or a cell of a space-separated row, that is a name of six characters or
    // more and its value (`购置设施设备质量合格率100%`) is two cells too; `已完成100%` is one, and
    // so is a cell with a number before its end (`…编制2280名、中小学周转池编制1748名`).
    let nameAndValue =
      spans.count == 1
      && chars[spans[0].upperBound...].allSatisfy({ ";；。".contains($0) })
      && spans[0].lowerBound >= 6
      && (wholeLine
        || !chars[..<spans[0].lowerBound].contains(where: { $0.isASCII && $0.isNumber }))
    // A cell of a row set apart by spaces that opens with a value and goes on with a name of
    // six characters or more (`85%年度、半年趋势报告及时率`): the value ends one row, the name
    // opens the next, as a document site's text layer runs them together.
    if !wholeLine, cuts.isEmpty, spans.isEmpty, let end = leadingQuantityEnd(chars),
      chars.count - end >= 6, chars[end...].allSatisfy(isWideLetter),
      nameEndings.contains(where: { matches($0, chars, at: chars.count - $0.count) })
    {
      return [String(chars[..<end]), String(chars[end...])]
    }
    // A line of prose items closed by `;` right after a value (`渔业增殖放流规模150万尾;`,
    // `…检验检疫≥90%,放流品种原种、良种率100%;`) is cut at its values even among lines that
    // are one cell each.
    let proseItem =
      wholeLine && spans.last.map { $0.upperBound == chars.count - 1 } == true
      && chars.last.map { ";；".contains($0) } == true && spans[0].lowerBound >= 4
    let plain =
      !cuts.isEmpty || proseItem
      || (!memo.linesAreCells
        && (spans.count >= 2 || nameAndValue || (wholeLine && chars.count >= 20)))
    for span in spans where plain || startsWithSign(chars, span) || spacedBeforeName(chars, span) {
      cuts.insert(span.lowerBound)
      cuts.insert(span.upperBound)
    }
    let sorted = cuts.filter { c in
      c > 0 && c < chars.count && !numbering.contains { $0.lowerBound < c && c < $0.upperBound }
    }.sorted()
    guard !sorted.isEmpty else {
      // A row of a table whose weight column follows the name, run together with no sign
      // to cut at (`森林受灾率10%1`: name, weight 10, unit %, target 1).
      if wholeLine, memo.weightAfterName, let pieces = weightedRow(chars) { return pieces }
      return [text]
    }
    var out: [String] = []
    var last = 0
    // Numbering cut off its name goes back on it: it tells the aligner the cell is a name.
    var number = ""
    for c in sorted + [chars.count] {
      // Punctuation between cut cells (`:`, `,`, `;`) is no cell. Before a name it stays: like
      // numbering, it says an item starts (`;种植作物成活率`); before an outline number it goes
      // (`;(二)` is the number `(二)`).
      var piece = String(chars[last..<c]).trimmedPadding()
      last = c
      let unpunctuated = String(piece.drop(while: { ":：;；,，。".contains($0) }))
      if unpunctuated.isEmpty { continue }
      // Brackets around a cut-out value or label (`机柜数量(≥77台)`, `【产出指标-数量指标】`)
      // are no cells: an opening one left at a piece's end goes, a piece of brackets alone too.
      if unpunctuated.allSatisfy({ "【】〔〕[]()（）".contains($0) }) { continue }
      if c < chars.count, piece.count > 1, let end = piece.last, "(（【〔[".contains(end) {
        piece.removeLast()
      }
      if CellClassifier.isOutlineNumber(LabelFolding.key(unpunctuated)) { piece = unpunctuated }
      if isNumbering(piece) {
        number = piece
        continue
      }
      // A pinyin note cut off its word (`5個` then `(gè)`) stays with it: alone it is nothing.
      if !out.isEmpty, piece.first == "(" || piece.first == "（", LabelFolding.key(piece).isEmpty {
        out[out.count - 1] += piece
        continue
      }
      // Numbering before a label is a template's empty row (`指标2:质量指标(5分)`), not the
      // label's.
      if !number.isEmpty, isLabelWithSuffix(piece, memo: memo) { number = "" }
      out.append(number + piece)
      number = ""
    }
    return wholeLine ? splittingTrailingVerdicts(out, memo: memo) : out
  }

  /// Texts written twice in a row after a name, each ending the text or standing before a
  /// number (the score, or the next row's value): where the two copies start and where the
  /// second ends (`…标准符合要求符合要求5…`). At each such end the longest text of two to
  /// twenty characters that holds a Chinese character and follows one; a quantity written
  /// twice (`5亿元5亿元`) is left to the value cuts (a name may end in its target).
  static func doubledTexts(_ chars: [Character]) -> [(Int, Int, Int)] {
    func digit(_ k: Int) -> Bool { chars[k].isASCII && chars[k].isNumber }
    var out: [(Int, Int, Int)] = []
    var floor = 0
    for end in 4...max(4, chars.count) where end <= chars.count {
      guard end == chars.count || (digit(end) && !digit(end - 1)) else { continue }
      var length = min(20, (end - floor - 1) / 2)
      while length >= 2 {
        let second = end - length
        let first = second - length
        // The first scalars are compared before the characters (a character comparison of
        // Chinese text normalises both).
        if first >= 1,
          chars[first].unicodeScalars.first == chars[second].unicodeScalars.first,
          chars[first..<second] == chars[second..<end],
          chars[first..<second].contains(where: isWideLetter), isWideLetter(chars[first - 1]),
          leadingQuantityEnd(Array(chars[first..<second])) != length
        {
          out.append((first, second, end))
          floor = end
          break
        }
        length -= 1
      }
    }
    return out
  }

  /// Runs of digits after a name that read one way only as a number written twice and a
  /// score of one or two digits (`1801803`: 180, 180, 3; `22.822.81`: 22.8, 22.8, 1;
  /// `111`: 1, 1, 1), or else one way only as a number written twice, a weight of at most 30
  /// and a score no higher than the weight (`1001001010`: 100, 100, 10, 10): where each part
  /// starts. A run with another reading (`5555`: 55 55, or 5 5 55) or whose parts are no
  /// numbers (`0.50.53`) is left whole.
  static func doubledNumbers(_ chars: [Character]) -> [[Int]] {
    func numeric(_ c: Character) -> Bool { c.isASCII && (c.isNumber || c == ".") }
    var out: [[Int]] = []
    var i = 1
    while i < chars.count {
      guard numeric(chars[i]), !numeric(chars[i - 1]),
        !chars[i - 1].isASCII || chars[i - 1] == ")"
      else {
        i += 1
        continue
      }
      var end = i
      while end < chars.count, numeric(chars[end]) { end += 1 }
      defer { i = end }
      // The run must end the text or stand before a Chinese character that starts no unit
      // (`550万粒` is a quantity).
      if end < chars.count,
        chars[end].isASCII || "万亿萬億％‰".contains(chars[end])
          || units.contains(where: { matches($0, chars, at: end) })
      {
        continue
      }
      let run = Array(chars[i..<end])
      guard run.count >= 3 else { continue }
      var readings: [Int] = []
      for scoreLength in 0...2 {
        let twice = run.count - scoreLength
        guard twice >= 2, twice % 2 == 0 else { continue }
        let half = twice / 2
        let a = run[0..<half]
        let b = run[half..<twice]
        let score = run[twice...]
        guard Array(a) == Array(b), isPlainNumber(a),
          scoreLength == 0 || (isPlainNumber(score) && !score.contains(".") && score != ["0"])
        else { continue }
        readings.append(half)
      }
      if readings.count == 1, let half = readings.first {
        out.append([i, i + half, i + 2 * half])
      } else if readings.isEmpty, let (half, weight) = weightedReading(run) {
        out.append([i, i + half, i + 2 * half, i + 2 * half + weight])
      }
    }
    return out
  }

  /// The one reading of `run` as a number written twice, a weight (1 to 30) and a score no
  /// higher than it, each a whole number of one or two digits: the number's length and the
  /// weight's; nil when there is none or more than one.
  static func weightedReading(_ run: [Character]) -> (Int, Int)? {
    func whole(_ digits: ArraySlice<Character>) -> Int? {
      guard !digits.contains("."), digits.first != "0" || digits.count == 1 else { return nil }
      return Int(String(digits))
    }
    var readings: [(Int, Int)] = []
    for half in stride(from: 1, through: (run.count - 2) / 2, by: 1) {
      let twice = 2 * half
      let tail = run[twice...]
      guard (2...4).contains(tail.count), run[0..<half] == run[half..<twice],
        isPlainNumber(run[0..<half])
      else { continue }
      for weightLength in 1...2 where weightLength < tail.count && tail.count - weightLength <= 2 {
        let split = twice + weightLength
        guard let weight = whole(run[twice..<split]), (1...30).contains(weight),
          let score = whole(run[split...]), score <= weight
        else { continue }
        readings.append((half, weightLength))
      }
    }
    return readings.count == 1 ? readings.first : nil
  }

  /// Digits with at most one inner decimal point and no leading zero before another digit.
  static func isPlainNumber(_ digits: ArraySlice<Character>) -> Bool {
    guard let first = digits.first, let last = digits.last, first != ".", last != "." else {
      return false
    }
    if digits.filter({ $0 == "." }).count > 1 { return false }
    if first == "0", digits.count > 1, digits[digits.index(after: digits.startIndex)] != "." {
      return false
    }
    return true
  }

  /// The colon ending a short heading that names what follows as targets or indicators
  /// (`(二)绩效目标:`, `年度绩效指标：`), when something follows it.
  static func headingColon(_ chars: [Character]) -> Int? {
    guard let colon = chars.prefix(16).firstIndex(where: { $0 == ":" || $0 == "：" }),
      colon >= 2, colon + 1 < chars.count
    else { return nil }
    let heading = LabelFolding.key(String(chars[..<colon]))
    return ["目标", "目標", "指标", "指標"].contains(where: { heading.hasSuffix($0) }) ? colon : nil
  }

  /// A name, a weight of one or two digits (at most 20), an optional unit and sign, and a
  /// target, run together (`森林受灾率10%1`, `开展各种文艺活动场次1020`,
  /// `民政优抚对象生活水平改善情况10有效改善`): the pieces, or nil when the text does not read so
  /// (a target may not start with a zero before another digit: `1005` is no weight and target).
  static func weightedRow(_ chars: [Character]) -> [String]? {
    func digit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    guard let start = chars.firstIndex(where: digit), start >= 4,
      !chars[start - 1].isASCII || chars[start - 1] == ")",
      chars[..<start].allSatisfy({ !digit($0) })
    else { return nil }
    for length in [2, 1] {
      let end = start + length
      guard end < chars.count, chars[start..<end].allSatisfy(digit),
        let weight = Int(String(chars[start..<end])), (1...20).contains(weight)
      else { continue }
      var k = end
      var pieces = [String(chars[..<start]), String(chars[start..<end])]
      if let unit = units.first(where: { matches($0, chars, at: k) }),
        k + unit.count < chars.count
      {
        pieces.append(String(unit))
        k += unit.count
      }
      let target = Array(chars[k...])
      guard let first = target.first, first != "." else { continue }
      if first == "0", target.count > 1, digit(target[1]) { continue }
      // The target is a number, a sign and a number, or a short verdict.
      let rest = String(target)
      if target.allSatisfy({ digit($0) || $0 == "." }) || startsWithSign(target, 0..<target.count)
        || (target.count <= 8 && target.allSatisfy { !$0.isASCII })
      {
        pieces.append(rest)
        return pieces
      }
    }
    return nil
  }

  /// In prose items (`带动村集体及种植户增收致富,增加;`), where the comma before each target is
  /// and where the target ends (before its closing `;` or `。`, which ends the line or is
  /// followed by the next item): the part after the last comma, up to twelve characters, must
  /// read as a value or a verdict.
  static func proseItemValues(_ chars: [Character], memo: KindMemo) -> [(Int, Int)] {
    var out: [(Int, Int)] = []
    var stop = 0
    while stop < chars.count {
      guard ";；。".contains(chars[stop]) else {
        stop += 1
        continue
      }
      var end = stop
      while end > 0, chars[end - 1] == " " { end -= 1 }
      defer { stop += 1 }
      guard
        let comma = chars[..<end].lastIndex(where: { ",，;；。".contains($0) }),
        chars[comma] == "," || chars[comma] == "，", comma >= 2, (1...12).contains(end - comma - 1)
      else { continue }
      switch memo.kind(of: String(chars[(comma + 1)..<end])) {
      case .value, .verdict: out.append((comma, end))
      default: continue
      }
    }
    return out
  }

  /// Where the national template's 指标解释 text stands: `反映` then, within 40 characters
  /// and before any digit or sign, `情况` (`反映办公大楼全年维修维护情况`). A name that mentions
  /// 反映 (`群众反映问题办结率`) has no 情况 after it and is not cut.
  static func explanationSpans(_ chars: [Character]) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var i = 1
    while i + 3 < chars.count {
      guard chars[i] == "反", chars[i + 1] == "映" else {
        i += 1
        continue
      }
      var j = i + 2
      var end: Int?
      while j + 1 < chars.count, j < i + 40 {
        let c = chars[j]
        if (c.isASCII && c.isNumber) || "%％≥≤><=＞＜".contains(c) { break }
        if c == "情", chars[j + 1] == "况" {
          end = j + 2
          break
        }
        j += 1
      }
      if let end {
        spans.append(i..<end)
        i = end
      } else if (chars[i - 1].isASCII && chars[i - 1].isNumber) || "%％".contains(chars[i - 1]) {
        // Right after a value, 反映 opens the explanation whatever it ends with
        // (`补助学生数量168反映补助学生人数…`): the rest of the text is the explanation.
        spans.append(i..<chars.count)
        i = chars.count
      } else {
        i += 2
      }
    }
    return spans
  }

  /// True when a level label written in full ends at `end` and the digits after it are a score
  /// (`效益指标30分)`): its 指标 is the label's, not numbering (`生态效益指标1病害减少` is
  /// numbering).
  static func isScoreAfterLabel(_ chars: [Character], at end: Int) -> Bool {
    var k = end
    while k < chars.count, chars[k].isASCII, chars[k].isNumber || chars[k] == "." { k += 1 }
    guard k < chars.count, chars[k] == "分" else { return false }
    return (4...9).contains { length in
      end - length >= 0 && fullLabels.contains(String(chars[(end - length)..<end]))
    }
  }

  static let fullLabels = Set(LevelLabels.fullSpellings)

  /// Short qualitative targets that run-together text glues to the end of a name.
  static let trailingVerdicts = ["长远", "长期", "提升", "提高", "显著", "明显", "良好", "达标", "合格", "有效"]

  /// In run-together text, a name with a short qualitative target glued to its end and no other
  /// target after it (`对当地文物保护、文化传承影响长远`, then a label) is two cells.
  static func splittingTrailingVerdicts(_ pieces: [String], memo: KindMemo) -> [String] {
    var out: [String] = []
    for (n, piece) in pieces.enumerated() {
      // A target and a result that say the same words glued to the name's end
      // (`种薯采购价格不高于市场价8是是`, `改善状况10显著提升显著提升`).
      if let word = doubledVerdict(piece, memo: memo) {
        out.append(String(piece.dropLast(2 * word.count)))
        out.append(word)
        out.append(word)
        continue
      }
      let next = n + 1 < pieces.count ? memo.kind(of: pieces[n + 1]) : nil
      let nextIsTarget = [CellKind.value, .number, .op, .verdict, .unit].contains { $0 == next }
      if !nextIsTarget, memo.kind(of: piece) == .text, piece.count >= 8,
        let word = trailingVerdicts.first(where: { LabelFolding.key(piece).hasSuffix($0) })
      {
        out.append(String(piece.dropLast(word.count)))
        out.append(word)
        continue
      }
      out.append(piece)
    }
    return out
  }

  /// Where a number glued to the month after it makes no month (`811月底完成`: 811 is no month,
  /// 8 is a score and 11月 the date): the start of the digits and the start of the month, for
  /// digits after a Chinese character.
  static func scoresBeforeMonths(_ chars: [Character]) -> [(Int, Int)] {
    func digit(_ k: Int) -> Bool { chars[k].isASCII && chars[k].isNumber }
    var out: [(Int, Int)] = []
    var i = 1
    while i < chars.count {
      guard digit(i), !digit(i - 1), !chars[i - 1].isASCII, chars[i - 1] != "." else {
        i += 1
        continue
      }
      var end = i
      while end < chars.count, digit(end) { end += 1 }
      defer { i = end }
      guard end < chars.count, chars[end] == "月", end - i >= 2, end - i <= 4,
        let number = Int(String(chars[i..<end])), number > 12
      else { continue }
      let two = Int(String(chars[(end - 2)..<end])) ?? 0
      let monthStart = (10...12).contains(two) && end - i >= 3 ? end - 2 : end - 1
      guard chars[monthStart] != "0" else { continue }
      out.append((i, monthStart))
    }
    return out
  }

  /// Names that ask for a date (`完成时间`, `实施时限`).
  static let timeNameEndings: [[Character]] = ["时间", "时限", "期限", "日期"].map { Array($0) }

  /// Dates written right after a name that ends in a time word (`完成时间12月已完成`,
  /// `完成时限2023年12月底前完成`): from the first digit to the date's last word (年, 月, 日,
  /// 底, 前, and 完成 right after them; `已完成` is a result).
  static func datesAfterTimeNames(_ chars: [Character]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    for word in timeNameEndings {
      var k = 2
      while k + word.count < chars.count {
        defer { k += 1 }
        let start = k + word.count
        // A digit after the word first: most places have none, and it is an ASCII test.
        guard chars[start].isASCII, chars[start].isNumber, matches(word, chars, at: k)
        else { continue }
        var end = start
        var sawDateWord = false
        while end < chars.count {
          let c = chars[end]
          if c.isASCII && c.isNumber {
            end += 1
          } else if "年月日号底末前".contains(c) {
            sawDateWord = true
            end += 1
          } else {
            break
          }
        }
        if sawDateWord, matches(["完", "成"], chars, at: end) {
          end += 2
        }
        if sawDateWord { out.append(start..<end) }
      }
    }
    return out
  }

  /// The short verdict (`是`, `显著提升`) a text ends with twice, after a name of at least four
  /// characters; nil when it does not.
  static func doubledVerdict(_ piece: String, memo: KindMemo) -> String? {
    let chars = Array(piece)
    for length in stride(from: min(6, (chars.count - 4) / 2), through: 1, by: -1) {
      let end = chars.count
      let second = chars[(end - length)..<end]
      let first = chars[(end - 2 * length)..<(end - length)]
      guard first == second else { continue }
      let word = String(second)
      if memo.kind(of: word) == .verdict { return word }
    }
    return nil
  }

  /// Whether a match at `k` of `length` key characters may cut: a label with its suffix
  /// (`数量指标`) always; a bare four-character one (`产出数量`) only inside long run-together
  /// text and not at its end.
  /// True when the header word at `k` is a sentence's object, not a column's header: a verb
  /// of comparison (the target phrases' verbs, `CellClassifier.comparisonVerbs`) stands just
  /// before it (`资金支出率达到目标值95%`, `不低于目标值`).
  static func inSentence(_ key: [Character], _ k: Int, _ length: Int) -> Bool {
    let word = String(key[k..<(k + length)])
    guard ["目标值", "指标值", "预期值", "计划值", "完成值"].contains(word) else { return false }
    return CellClassifier.comparisonVerbs.contains { verb in
      k >= verb.count && Array(key[(k - verb.count)..<k]) == verb
    }
  }

  static func bareLabelCuts(_ key: [Character], _ k: Int, _ length: Int) -> Bool {
    guard LevelLabels.isBareLevel2Core(String(key[k..<(k + length)])) else { return true }
    // A heading: an outline number, then the bare label alone (`(2)社会效益`).
    if k > 0, k + length == key.count, CellClassifier.isOutlineNumber(String(key[..<k])) {
      return true
    }
    return key.count >= 16 && k + length < key.count
  }

  /// Where values stand in run-together text.
  static func valueSpans(_ chars: [Character], boundaries: Set<Int> = []) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var i = 0
    while i < chars.count {
      // Most characters start neither a comparison nor a number (compared by scalar: a
      // Character comparison of Chinese text goes through normalisation).
      let c = chars[i]
      if !(c.isASCII && c.isNumber), let scalar = c.unicodeScalars.first,
        !opStarts.contains(scalar)
      {
        i += 1
        continue
      }
      // An optional comparison, then a number, then an optional unit.
      var j = i
      var op = 0
      for p in opPrefixes where Self.matches(p, chars, at: i) {
        op = p.count
        break
      }
      j += op
      // `大于等于 100 个`: spaces between the sign, the number and the unit.
      if op > 0 { while j < chars.count, chars[j] == " " { j += 1 } }
      let numberStart = j
      while j < chars.count, chars[j].isASCII && (chars[j].isNumber || chars[j] == ".") { j += 1 }
      let hasNumber = j > numberStart && chars[numberStart] != "."
      if !hasNumber
        || (op == 0 && i > 0 && chars[i - 1].isASCII
          && (chars[i - 1].isNumber || chars[i - 1] == "."))
      {
        i += max(1, op)
        continue
      }
      var unit = 0
      let numberEnd = j
      if hasNumber, j + 1 < chars.count, chars[j] == " ", !chars[j + 1].isNumber { j += 1 }
      // 万 or 亿 before a unit is part of it (550万粒).
      let scale = j < chars.count && "万亿萬億".contains(chars[j]) ? 1 : 0
      for u in units where Self.matches(u, chars, at: j + scale) {
        unit = u.count + scale
        break
      }
      // After a sign a date word is a duration's unit (`≥20年`, `≤3个月`), not a date.
      if unit == 0, op > 0, j < chars.count,
        let word = durationWords.first(where: { Self.matches($0, chars, at: j) })
      {
        unit = word.count
      }
      // After a sign, 万 or 亿 alone is the unit (`≦380万`).
      if unit == 0, op > 0, scale == 1 { unit = 1 }
      if unit == 0 { j = numberEnd }
      // A compound unit: 元/人, 微克/立方米, 元/月/人.
      var pers = 0
      while unit > 0, pers < 2, j + unit < chars.count, chars[j + unit] == "/",
        let per = perUnits.first(where: { matches($0, chars, at: j + unit + 1) })
      {
        unit += 1 + per.count
        pers += 1
      }
      // A suffix word closes the value (`90%以上`, `3人以内`, `100%达标`): the name after it
      // starts later.
      var end = j + unit
      var closedBySuffix = false
      if unit > 0 || op == 0,
        let word = suffixOps.first(where: { Self.matches($0, chars, at: end) })
      {
        end += word.count
        closedBySuffix = unit > 0
      } else if unit > 0, Self.matches(verdictSuffix, chars, at: end),
        !(end + 2 < chars.count && chars[end + 2] == "率")
      {
        end += verdictSuffix.count
        closedBySuffix = true
      }
      // A value before the `;` that ends a line of prose items (`渔业增殖放流规模150万尾;`) ends a
      // cell as the line's end does.
      // So does the 。 that ends a one-clause item (`资助建档立卡贫困子女1966人。`; a sentence of
      // clauses is prose, not an item: `…不少于6万人,村集体收入达6万元。`).
      let atEnd =
        end >= chars.count
        || (end == chars.count - 1
          && (";；".contains(chars[end])
            || (chars[end] == "。" && !chars[..<end].contains(where: { ",，".contains($0) }))))
      let nextStartsValue =
        !atEnd
        && (boundaries.contains(end) || chars[end].isNumber
          || opPrefixes.contains { $0.first == chars[end] }
          || "≥≤><=".contains(chars[end]))
      // After a signed number, four Chinese characters or more before the next digit or sign
      // are the next cell (`=100预决算及时编制率10%`), not a unit.
      // The sign follows a Chinese character (not markup's `<p>`), and the run ends at the next
      // cell's number, sign or bracket.
      var wideRun = 0
      while end + wideRun < chars.count, isWideLetter(chars[end + wideRun]) { wideRun += 1 }
      let runEnd = end + wideRun
      let nameFollows =
        unit == 0 && wideRun >= 4 && (i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isLetter))
        && runEnd < chars.count
        && ((chars[runEnd].isASCII && chars[runEnd].isNumber) || "(（≥≤><=".contains(chars[runEnd]))
      if op > 0
        && (unit > 0 || atEnd || nextStartsValue || nameFollows
          || !isWideLetter(chars[j < chars.count ? j : chars.count - 1]))
      {
        spans.append(i..<end)
        i = end
        continue
      }
      let afterValue = spans.last?.upperBound == i
      // A percentage between two names, each with its own value after it
      // (`应补尽补率100%审核准确性100%`): the next name starts after the percent sign.
      // So is a number set apart from its unit by a space, as a document site's text layer
      // writes it (`趋势会商会次数 1 次测报员培训人次 200 人次…`).
      func digit(_ k: Int) -> Bool { k < chars.count && chars[k].isASCII && chars[k].isNumber }
      let spacedUnit = unit > 0 && j > numberEnd
      let percentBeforeName =
        ((unit == 1 && "%％".contains(chars[j]) && (i == 0 || isWideLetter(chars[i - 1]))
          && digit(runEnd))
          || (spacedUnit
            && (runEnd == chars.count || digit(runEnd)
              || (chars[runEnd] == " " && digit(runEnd + 1)))))
        && wideRun >= 4
      if op == 0 && unit > 0
        && (atEnd || nextStartsValue || afterValue || percentBeforeName || closedBySuffix)
        && !isDateUnit(chars, j)
      {
        spans.append(i..<end)
        i = end
        continue
      }
      // A bare number between a name and a cut (`成本控制数(万元)63` + `达成预期指标`).
      if op == 0 && unit == 0 && !atEnd && boundaries.contains(end) && i > 0
        && (isWideLetter(chars[i - 1]) || chars[i - 1] == ")")
      {
        spans.append(i..<end)
        i = end
        continue
      }
      i = max(j, i + 1)
    }
    return spans
  }

  /// True when `piece` is a level label written with 指标 (`质量指标(5分)`, `效益指标`).
  static func isLabelWithSuffix(_ piece: String, memo: KindMemo) -> Bool {
    switch memo.kind(of: piece) {
    case .level1, .level2, .eitherLevel:
      return LabelFolding.withoutScore(LabelFolding.key(piece)).hasSuffix("指标")
    default: return false
    }
  }

  /// What a compound unit is counted per (`元/人`, `元/月`, `次/年`): the units, and the date
  /// words that are a unit only after a slash.
  static let perUnits: [[Character]] = units + ["月", "年", "日", "周", "生"].map { Array($0) }

  /// Where a number and its unit that open `chars` end (`85%`, `200 人次`), if they do.
  static func leadingQuantityEnd(_ chars: [Character]) -> Int? {
    var j = 0
    while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." { j += 1 }
    guard j > 0, chars[0] != "." else { return nil }
    if j < chars.count, chars[j] == " " { j += 1 }
    guard let unit = units.first(where: { matches($0, chars, at: j) }) else { return nil }
    return j + unit.count
  }

  /// How indicator names that count or measure something end (`…及时率`, `…次数`, `…面积`).
  static let nameEndings: [[Character]] = [
    "率", "数", "量", "度", "面积", "时间", "时限", "成本", "比例", "人次",
  ].map { Array($0) }

  /// Words after a value that say how it compares (`90%以上`, `5人以内`), longest first.
  /// A word after a quantity that says it is met (`100%达标`): the value's, not the next name's
  /// (a name may start with it only as `达标率`).
  static let verdictSuffix: [Character] = ["达", "标"]

  static let suffixOps: [[Character]] = ["及以上", "及以下", "以上", "以下", "以内", "左右"].map {
    Array($0)
  }

  /// Date words that are a duration's unit after a sign (`≥20年`, `≤3个月`).
  static let durationWords: [[Character]] = ["个月", "年", "月", "天", "日", "小时", "周"].map {
    Array($0)
  }

  /// `segments(of:)` remembered per text (exports repeat their cells).
  static func remembered(_ text: String, phrases: [[Character]], wholeLine: Bool, memo: KindMemo)
    -> [String]
  {
    if let known = wholeLine ? memo.lineSegments[text] : memo.segments[text] { return known }
    let out = segments(of: text, phrases: phrases, wholeLine: wholeLine, memo: memo)
    if memo.segments.count + memo.lineSegments.count < 100_000 {
      if wholeLine { memo.lineSegments[text] = out } else { memo.segments[text] = out }
    }
    return out
  }

  /// Phrases of four to eight CJK characters (compared as `LabelFolding` keys) that follow a
  /// number or a unit three times or more, and in two of three occurrences: the repeated cell of a result column in run-together text.
  /// Longest first; a phrase inside a longer one that occurs as often is left out.
  public static func repeatedPhrases(in texts: [[Character]]) -> [[Character]] {
    // The texts read (the first 100,000 characters of those of 20 or more), as keys.
    var keyed: [[Character]] = []
    var budget = 100_000
    for text in texts where text.count >= 20 {
      budget -= text.count
      if budget < 0 { break }
      keyed.append(LabelFolding.keyed(text).key)
    }
    // Phrases after a value first: only those can be kept, so every occurrence is counted
    // for them alone (the phrases at the other places are never made).
    var counts: [String: (all: Int, afterValue: Int)] = [:]
    func forEachPhrase(_ chars: [Character], from start: Int, _ body: (String) -> Void) {
      var end = start
      while end < chars.count, end - start < 8, CellStreamReader.isWide(chars[end]) {
        end += 1
        if end - start >= 4 { body(String(chars[start..<end])) }
      }
    }
    for chars in keyed {
      // A suffix word after a value is the value's (`90%以上实际…`), no phrase of its own.
      for start in chars.indices
      where CellStreamReader.isWide(chars[start]) && followsValue(chars, start)
        && !suffixOps.contains(where: { matches($0, chars, at: start) })
      {
        forEachPhrase(chars, from: start) { counts[$0, default: (0, 0)].afterValue += 1 }
      }
    }
    counts = counts.filter { $0.value.afterValue >= 3 }
    let firsts = Set(counts.keys.compactMap(\.first))
    for chars in keyed {
      for start in chars.indices where firsts.contains(chars[start]) {
        forEachPhrase(chars, from: start) { phrase in
          if counts[phrase] != nil { counts[phrase]?.all += 1 }
        }
      }
    }
    let found = counts.filter {
      $0.value.afterValue >= 3 && $0.value.afterValue * 3 >= $0.value.all * 2
    }
    .filter {
      LevelLabels.core($0.key).map { !LevelLabels.isLevel1($0) && !LevelLabels.isLevel2($0) }
        ?? true
    }
    // The most frequent first; a phrase that holds a kept one, or a label, is not a cell.
    let sorted = found.keys.sorted {
      let (a, b) = (found[$0]?.afterValue ?? 0, found[$1]?.afterValue ?? 0)
      if a != b { return a > b }
      return $0.count != $1.count ? $0.count > $1.count : $0 < $1
    }
    var kept: [String] = []
    for phrase in sorted {
      if kept.contains(where: { $0.has(phrase) || phrase.has($0) }) { continue }
      if markers.contains(where: { phrase.has($0) }) { continue }
      kept.append(phrase)
    }
    return kept.map { Array($0) }
  }

  /// `指标1`, `指标2：` alone: numbering cut off its name.
  /// Where `指标1：` numbering at `i` ends: 指标 (or 指標), one or two ASCII digits (a year
  /// after them starts the name: `指标12021年…` is 指标1; any other third digit makes the
  /// number the name's, `指标5000吨…`), then an optional `:`, `：`, `、` or `.`; nil when no
  /// numbering starts at `i`.
  static func numberingEnd(_ chars: [Character], at i: Int) -> Int? {
    func digit(_ k: Int) -> Bool { k < chars.count && chars[k].isASCII && chars[k].isNumber }
    guard i + 2 < chars.count, chars[i] == "指", chars[i + 1] == "标" || chars[i + 1] == "標",
      digit(i + 2)
    else { return nil }
    // A year right after the numbering's digits starts the name.
    func year(_ k: Int) -> Bool {
      k + 4 < chars.count && (chars[k] == "1" || chars[k] == "2") && digit(k + 1) && digit(k + 2)
        && digit(k + 3) && chars[k + 4] == "年"
    }
    var end = i + 3
    if digit(end) {
      if year(end) { return end }
      end += 1
      // `指标5000吨稻谷`: a number of three digits or more is the name's, not a numbering.
      if digit(end) && !year(end) { return nil }
    }
    if end < chars.count, ":：、.".contains(chars[end]) { end += 1 }
    return end
  }

  /// A numbered item whose target stands in brackets at its end
  /// (`指标1:为全市经济发展保驾护航(正面支撑)`, `指标1:视频监控在线率(≥0.97比例)`): the item and
  /// the target, or nil. The bracket holds one to twelve characters and no other bracket.
  static func bracketedTarget(_ text: String) -> (item: String, target: String)? {
    let chars = Array(text)
    guard numberingEnd(chars, at: 0) != nil, let last = chars.last, last == ")" || last == "）",
      let open = chars.lastIndex(where: { $0 == "(" || $0 == "（" }), open >= 5,
      (1...12).contains(chars.count - open - 2),
      !chars[(open + 1)..<(chars.count - 1)].contains(where: { "()（）".contains($0) })
    else { return nil }
    let target = String(chars[(open + 1)..<(chars.count - 1)]).trimmedPadding()
    guard !target.isEmpty else { return nil }
    return (String(chars[..<open]).trimmedPadding(), target)
  }

  static func isNumbering(_ text: String) -> Bool {
    let chars = Array(text)
    guard chars.count >= 3, chars[0] == "指", chars[1] == "标" || chars[1] == "標" else {
      return false
    }
    return chars[2...].allSatisfy { ($0.isASCII && $0.isNumber) || ":：、.".contains($0) }
  }

  /// True when a number, or a number and a one-character unit, ends just before `start`.
  static func followsValue(_ chars: [Character], _ start: Int) -> Bool {
    guard start > 0 else { return false }
    let before = chars[start - 1]
    if (before.isASCII && before.isNumber) || "%％‰".contains(before) { return true }
    guard start > 1, singleCharacterUnits.contains(before) else {
      return false
    }
    let digit = chars[start - 2]
    return digit.isASCII && digit.isNumber
  }

  /// True when the value at `span` opens with a comparison sign (`≤10次`), which no name does.
  static func startsWithSign(_ chars: [Character], _ span: Range<Int>) -> Bool {
    span.lowerBound > 0 && "≥≤><=＞＜＝≧≦".contains(chars[span.lowerBound])
  }

  /// True when `span` opens the text, or follows a name, with a number set apart from its unit
  /// by a space, and four Chinese characters or more follow it (`2000 次汇总突发事件季度报告次数`,
  /// `…有害生物种次2000 种次汇总…`): a value and the next row's name, as a document site's text
  /// layer writes them.
  static func spacedBeforeName(_ chars: [Character], _ span: Range<Int>) -> Bool {
    guard span.lowerBound == 0 || isWideLetter(chars[span.lowerBound - 1]),
      span.upperBound + 4 <= chars.count,
      chars[span].contains(" "), chars[span].first?.isNumber == true
    else { return false }
    return chars[span.upperBound..<(span.upperBound + 4)].allSatisfy(isWideLetter)
  }

  static func isDateUnit(_ chars: [Character], _ j: Int) -> Bool {
    j < chars.count && "年月日时".contains(chars[j])
  }

  static func isWideLetter(_ ch: Character) -> Bool {
    CellStreamReader.isWide(ch)
  }
}
