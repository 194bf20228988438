/// How labels are compared: the same label printed by different exports folds to one key.
///
/// Web pages space labels out (`产 出 指 标`), break them over lines (`社会效益\n指标`), add a
/// score (`产出指标(50分)`, `效益指标（30）`), print them in traditional characters (`產出指標`)
/// and some add pinyin in parentheses inside words (`產(chǎn)出`). `key` removes all of that and
/// maps the traditional characters the domain's words use to simplified ones; it is for
/// comparing only; output keeps the text as printed.
public enum LabelFolding {
  /// The comparison key of a label: no white space, no pinyin notes, full-width brackets and
  /// colons as ASCII, traditional characters of the domain's words as simplified.
  public static func key(_ text: String) -> String {
    // Most labels hold nothing to fold: returned as they are, without copying.
    if text.unicodeScalars.allSatisfy({ s in
      !isSpace(s) && s != "(" && s != "（" && s != "）" && s != "：" && !isTraditional(s)
    }) {
      return text
    }
    var out = String.UnicodeScalarView()
    forEachScalarOutsideNotes(text) { s in
      if isSpace(s) { return }
      switch s {
      case "（": out.append("(")
      case "）": out.append(")")
      case "：": out.append(":")
      default: out.append(simplified[s] ?? s)
      }
    }
    return String(out)
  }

  /// The label as printed, for output: white space and pinyin notes removed, and a trailing
  /// score (`(50分)`, `（30）`) dropped; the characters and other notes are kept as written.
  public static func display(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    forEachScalarOutsideNotes(text) { s in
      if !isSpace(s) { out.append(s) }
    }
    let shown = String(out)
    // A score goes; notes (`(必填)`, `(或投资规模)`) stay as printed.
    let folded = withoutScore(shown)
    return folded.count < shown.count && isScoreNote(String(shown.dropFirst(folded.count)))
      ? folded : shown
  }

  /// Calls `body` with each scalar of `text` that is not inside a pinyin note (`(chǎn)`).
  static func forEachScalarOutsideNotes(_ text: String, _ body: (Unicode.Scalar) -> Void) {
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let s = scalars[i]
      if s == "(" || s == "（", let end = pinyinNoteEnd(scalars, from: i) {
        i = end + 1
        continue
      }
      body(s)
      i += 1
    }
  }

  /// True when the text is only a score printed under or after a label: `(50)`, `(50分)`,
  /// `30分)`, `(10分`.
  public static func isScoreNote(_ text: String) -> Bool {
    let k = LabelFolding.key(text)
    guard k.first == "(" || k.last == ")" else { return false }
    if k.first == "(", k.last == ")", isLabelNote(String(k.dropFirst().dropLast())) {
      return true
    }
    let inner = k.filter { $0 != "(" && $0 != ")" && $0 != "分" }
    return !inner.isEmpty && inner.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
  }

  /// Notes a template prints after a level label to say whether it must be filled in:
  /// `数量指标 (必填硬性指标)`, `经济效益指标 (选填)`.
  static let requirementNotes: Set<String> = [
    "必填", "选填", "必填指标", "选填指标", "必填硬性指标", "硬性指标", "必选", "可选", "必填项", "选填项",
  ]

  /// True for a note a template prints in brackets after (or inside) a level label: a
  /// requirement (`必填`), an alternative (`或建筑规模指标`, `或投资规模`) or the label's other
  /// names (`工期指标、形象进度指标`).
  public static func isLabelNote(_ inner: String) -> Bool {
    requirementNotes.contains(inner)
      || (inner.count <= 16 && (inner.hasPrefix("或") || inner.hasSuffix("指标")))
  }

  /// `text` without alternatives in brackets inside it (`预算(或投资规模)控制指标`).
  static func withoutAlternatives(_ text: String) -> String {
    guard text.has("(或") || text.has("（或") else { return text }
    var out = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(where: { $0 == "(" || $0 == "（" }) {
      let after = rest.index(after: open)
      guard after < rest.endIndex, rest[after] == "或",
        let close = rest[after...].firstIndex(where: { $0 == ")" || $0 == "）" })
      else {
        out += rest[...open]
        rest = rest[after...]
        continue
      }
      out += rest[..<open]
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }

  /// `text` without a trailing score annotation: `产出指标(50分)`, `效益指标（30）`,
  /// `满意度指标(10分`, or a label note (`isLabelNote`): `数量指标 (必填硬性指标)`,
  /// `数量指标(或建筑规模指标)`; alternatives inside it are dropped too. Text that is only the
  /// annotation is returned unchanged.
  public static func withoutScore(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "(" || $0 == "（" }) else { return text }
    let text = withoutAlternatives(text)
    let chars = Array(text)
    var end = chars.count
    if let last = chars.last, last == ")" || last == "）" { end -= 1 }
    guard let open = chars[..<end].lastIndex(where: { $0 == "(" || $0 == "（" }), open > 0 else {
      return text
    }
    var inner = chars[(open + 1)..<end]
    if isLabelNote(String(inner)) {
      return String(chars[..<open]).trimmingCharacters(in: .whitespaces)
    }
    if inner.last == "分" { inner = inner.dropLast() }
    guard !inner.isEmpty, inner.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else {
      return text
    }
    return String(chars[..<open])
  }

  /// True for white space, the ideographic space and the no-break space.
  public static func isSpace(_ s: Unicode.Scalar) -> Bool {
    s.isSpaceLike
  }

  /// The index of the `)` closing a pinyin note that starts at `start` (`(chǎn)`, `(zhì)`):
  /// one to seven lower-case Latin letters with at least one tone mark or ü, or nil.
  static func pinyinNoteEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
    var j = start + 1
    var toned = false
    while j < scalars.count, j - start <= 8 {
      let s = scalars[j]
      if s == ")" || s == "）" {
        return toned && j > start + 1 ? j : nil
      }
      if s.value >= 0x61 && s.value <= 0x7A {
        j += 1
        continue
      }
      if tonedVowels.contains(s) {
        toned = true
        j += 1
        continue
      }
      return nil
    }
    return nil
  }

  private static let tonedVowels: Set<Unicode.Scalar> = Set(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".unicodeScalars)

  /// True when `simplified` maps the scalar: a bit per ideograph of U+4E00...U+9FFF (every
  /// key is one), looked up without hashing.
  static func isTraditional(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    guard v >= 0x4E00, v <= 0x9FFF else { return false }
    let bit = Int(v - 0x4E00)
    return traditionalBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
  }

  static let traditionalBits: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: (0x9FFF - 0x4E00) / 64 + 1)
    for key in simplified.keys where key.value >= 0x4E00 && key.value <= 0x9FFF {
      let bit = Int(key.value - 0x4E00)
      bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }
    return bits
  }()

  /// Traditional characters that occur in the domain's words, and their simplified forms.
  static let simplified: [Unicode.Scalar: Unicode.Scalar] = {
    let pairs =
      "並并位位佔占來来個个値值偏偏備备傳传價价億亿優优內内兩两冊册別别劃划劑剂効效務务區区叄叁問问單单噸吨國国圍围園园"
      + "圖图執执報报場场塊块壓压學学實实審审寬宽專专對对導导屆届層层屬属度度廟庙張张強强後后徑径態态應应戲戏戶户掃扫採采"
      + "撥拨擊击據据擴扩數数斷断於于明明時时暫暂書书會会條条棟栋業业極极構构標标機机檔档檢检權权歲岁歷历歸归決决況况減减"
      + "測测準准滿满濟济瀏浏無无爲为牀床狀状現现環环產产畝亩當当療疗發发盞盏監监確确碼码種种稱称積积穩稳筆笔節节範范簡简"
      + "約约級级終终組组結结統统經经綜综維维網网編编縣县縮缩總总績绩織织繼继續续聯联職职臺台與与萬万蓋盖處处號号衆众術术"
      + "衛卫裏里補补見见規规覽览計计記记設设訴诉評评詞词話话認认說说課课調调論论證证護护讀读變变貝贝負负財财責责貳贰費费"
      + "資资質质購购車车較较載载輕轻輛辆輪轮輯辑轉转辦办農农這这週周進进運运過过達达遞递還还鄉乡醫医釋释鍾钟鎮镇鏈链長长"
      + "門门閉闭開开間间閱阅關关陸陆隊队際际險险電电鞏巩響响頁页頂顶頃顷項项預预頭头顆颗題题額额類类顯显餘余驗验體体點点"
      + "齡龄"
    var map: [Unicode.Scalar: Unicode.Scalar] = [:]
    let scalars = Array(pairs.unicodeScalars)
    var i = 0
    while i + 1 < scalars.count {
      if scalars[i] != scalars[i + 1] { map[scalars[i]] = scalars[i + 1] }
      i += 2
    }
    return map
  }()
}

extension LabelFolding {
  /// The key of `text` character by character, with the index in `text` each key character
  /// comes from: for finding labels inside run-together text and cutting the text where they
  /// were found.
  public static func keyed(_ text: [Character]) -> (key: [Character], origin: [Int]) {
    var key: [Character] = []
    var origin: [Int] = []
    var i = 0
    let scalarsOf: (Character) -> Unicode.Scalar? = {
      $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil
    }
    while i < text.count {
      let ch = text[i]
      if ch == "(" || ch == "（" {
        let rest = text[i...].prefix(10).compactMap(scalarsOf)
        if let end = pinyinNoteEnd(Array(rest), from: 0) {
          i += end + 1
          continue
        }
      }
      if let s = scalarsOf(ch), isSpace(s) {
        i += 1
        continue
      }
      var out = ch
      if let s = scalarsOf(ch) {
        switch s {
        case "（": out = "("
        case "）": out = ")"
        case "：": out = ":"
        default: if let simple = simplified[s] { out = Character(simple) }
        }
      }
      key.append(out)
      origin.append(i)
      i += 1
    }
    return (key, origin)
  }
}
