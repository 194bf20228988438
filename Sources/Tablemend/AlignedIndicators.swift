import TablemendAlign
import TablemendDocx
import TablemendModel
import TablemendVocabulary

/// Chooses, for a text export, between the indicators the grid path read and the ones the
/// typed row aligner read: the aligner's, unless it recognised far less.
enum AlignedIndicators {
  /// How much of an indicator list was recognised: for each indicator a known 二级 label, a
  /// target that is not empty, and a name that reads as a name (a value, a label or a header
  /// in the name's place costs).
  static func quality(_ indicators: [Indicator]) -> Double {
    var q = 0.0
    var level2s: [String: Bool] = [:]
    var names: [String: CellKind] = [:]
    for i in indicators {
      let isLevel2 = level2s[i.level2] ?? LevelLabels.isLevel2(i.level2)
      level2s[i.level2] = isLevel2
      if isLevel2 { q += 1 }
      if i.value.kind != .empty { q += 1 }
      let kind = names[i.level3] ?? CellClassifier.classify(i.level3)
      names[i.level3] = kind
      switch kind {
      case .text, .shortText: q += i.level3.count >= 2 ? 1 : 0
      case .verdict, .filler: break
      default: q -= 2  // a value, a label or a header read as a name
      }
    }
    return q
  }

  /// True unless the aligner recognised far less than the grid reading: the aligner is the
  /// reading of row-broken and stream text (on the labelled real pages it is right wherever the
  /// grid reading is, and on 14 more indicators); the grid's stays as a safety net for text the
  /// aligner cannot place.
  static func prefersAligned(aligned: Double, grid: Double) -> Bool {
    aligned >= 0.6 * grid
  }

  /// True for text with page breaks (`\f`): it came out of a PDF, whose pages and reading
  /// order the grid reading rebuilds (pdftotext -raw and reading order: a page's columns one
  /// after the other) and the aligner, which has no page model yet, does not.
  static func isFromPDF(_ text: String) -> Bool {
    // A form feed that only ends the text (pdftotext ends every page with one) is a one-page
    // document: no page break to rebuild.
    guard let feed = text.utf8.firstIndex(of: 0x0C) else { return false }
    return text.utf8[text.utf8.index(after: feed)...].contains { $0 > 0x20 }
  }

  /// True when the aligner recognised clearly more than an exact grid's reading (a fifth more,
  /// and at least four points): the grid lost the slots of merged cells.
  static func clearlyBetter(aligned: Double, grid: Double) -> Bool {
    aligned >= grid * 1.2 && aligned >= grid + 4
  }

  /// `text` with single spaces between Chinese characters removed (`WrapSpaces`) when the
  /// typed row aligner recognises clearly more in it that way, else nil. Texts over 256 KB and
  /// HTML are read as they are.
  /// - Returns: The joined text, or nil; and the aligner's blocks of the text kept (either
  ///   way), when it was read, so that the caller does not read it again.
  /// Single spaces between Chinese characters a text needs before its joined reading is tried:
  /// the pages whose wrap spaces decide their reading have dozens; seed 000 has four of its own.
  static let wrapSpacesMinimum = 8

  static func wrapSpacesJoined(_ text: String) -> (joined: String?, blocks: [AlignedBlock]?) {
    guard text.utf8.count <= 256 << 10, !HTMLReader.looksLikeHTML(text),
      let joined = WrapSpaces.joined(text, minimum: wrapSpacesMinimum)
    else { return (nil, nil) }
    let asIsBlocks = IndicatorAligner.blocks(in: text)
    let joinedBlocks = IndicatorAligner.blocks(in: joined)
    let asIs = complete(asIsBlocks.flatMap(\.indicators))
    let wrapped = complete(joinedBlocks.flatMap(\.indicators))
    return wrapped >= asIs * 2 && wrapped >= asIs + 3 ? (joined, joinedBlocks) : (nil, asIsBlocks)
  }

  /// How many indicators are read whole: a known 二级 label, a target, and a name that reads
  /// as a name. Words cut by spaces give many indicators that are not.
  static func complete(_ indicators: [Indicator]) -> Int {
    indicators.count { i in
      guard LevelLabels.isLevel2(i.level2), i.value.kind != .empty else { return false }
      switch CellClassifier.classify(i.level3) {
      case .text, .shortText: return i.level3.count >= 2
      default: return false
      }
    }
  }

  /// The forms with the aligner's indicators where they read more than the grid path did, and
  /// whether they were taken (the grid reading's indicator diagnostics then no longer apply).
  static func merge(forms: [Form], blocks: [AlignedBlock], text: String) -> (
    forms: [Form], diagnostics: [Diagnostic], aligned: Bool
  ) {
    let aligned = blocks.flatMap(\.indicators)
    let old = forms.flatMap(\.indicators)
    guard !aligned.isEmpty else { return (forms, [], false) }
    let (qa, qo) = (quality(aligned), quality(old))
    let figures =
      "the typed row aligner read \(aligned.count) indicator(s) in \(blocks.count) block(s), "
      + "recognition \(qa); the grid reading \(old.count), recognition \(qo)"
    let fromPDF = isFromPDF(text)
    guard !fromPDF, prefersAligned(aligned: qa, grid: qo) else {
      return (
        forms,
        [
          Diagnostic(
            .info, "aligner-declined",
            figures + ": the grid's were kept"
              + (fromPDF ? " (text from a PDF, with page breaks)" : ""),
            at: blocks.first?.location)
        ],
        false
      )
    }
    var diagnostics = blocks.flatMap(\.diagnostics)
    diagnostics.append(
      Diagnostic(
        .info, "indicators-aligned", figures + ": the aligner's were kept",
        at: blocks.first?.location))
    return (assign(blocks, to: forms, text: text), diagnostics, true)
  }

  /// The blocks' indicators given to the forms they belong to: each block to the last form that
  /// starts at or before it (the first form if none does); a form no block falls to keeps no
  /// indicator, so a document is read one way. With no form from the grid, one form per title
  /// (`…绩效目标表`) that precedes blocks, its kind and title from that title.
  static func assign(_ blocks: [AlignedBlock], to forms: [Form], text: String) -> [Form] {
    if forms.isEmpty {
      let titles = titleLines(in: text)
      var out: [Form] = []
      var lastTitle: Int? = -1
      for block in blocks {
        let title = titles.last { $0.line <= block.location.line }
        if let form = out.indices.last, title?.line == lastTitle {
          out[form].indicators += block.indicators
          continue
        }
        lastTitle = title?.line
        out.append(
          Form(
            kind: kind(of: title?.text ?? text),
            title: title?.text ?? (out.isEmpty ? self.title(in: text) : nil),
            indicators: block.indicators, tables: [], location: block.location))
      }
      return out
    }
    var out = forms
    var given = [[Indicator]](repeating: [], count: forms.count)
    for block in blocks {
      let n = forms.indices.last { forms[$0].location.line <= block.location.line } ?? 0
      given[n] += block.indicators
    }
    // A form the grid started at an aligned block's own table (no title, fields, funds or
    // goals of its own) continues the form before it when that one got no indicators.
    var n = 1
    while n < out.count {
      let form = out[n]
      if form.title == nil, form.fields.isEmpty, form.funds.isEmpty, form.goals.isEmpty,
        !given[n].isEmpty, given[n - 1].isEmpty
      {
        given[n - 1] = given[n]
        out[n - 1].tables += form.tables
        out[n - 1].records += form.records
        out.remove(at: n)
        given.remove(at: n)
        continue
      }
      n += 1
    }
    let titles = titleLines(in: text)
    for n in out.indices {
      out[n].indicators = given[n]
      // A form whose grid gave no title takes the title line before it (…绩效评价指标表), and
      // the kind that title (or, with none, the text) names.
      if out[n].title == nil, !given[n].isEmpty {
        let title = titles.last { $0.line <= (given[n].first?.location.line ?? 0) }
        out[n].title = title?.text
        out[n].kind = kind(of: title?.text ?? text)
      }
    }
    return out
  }

  /// Lines that name a form (…绩效…表), with their numbers.
  static func titleLines(in text: String) -> [(line: Int, text: String)] {
    var out: [(line: Int, text: String)] = []
    var number = 0
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      number += 1
      guard line.has("绩") || line.has("績"), line.count <= 80 else { continue }
      let k = LabelFolding.key(String(line))
      if k.count <= 60, k.has("绩效"), k.hasSuffix("表") || k.has("表(") {
        out.append((number, LabelFolding.display(String(line)).trimmingCharacters(in: ["|"])))
      }
    }
    return out
  }

  /// How many cells of `texts` (whole texts are cut into cells first) are 一级 or 二级 labels.
  /// Level labels among the cells of grids: a short cell with no space is classified as one
  /// cell (remembered by its text), a longer one is cut as text is; a workbook of 100,000
  /// rows of short cells is counted in one pass.
  /// - Parameter forEachText: Calls its argument with each cell's text (in any order).
  static func levelLabelCount(inCells forEachText: ((String) -> Void) -> Void) -> Int {
    var tally = LevelLabelTally()
    var count = 0
    forEachText { text in count += tally.count(text) }
    return count
  }

  /// `levelLabelCount(inCells:)` one cell at a time: the level labels of one cell's text, the
  /// kinds of short texts remembered (at most `remembered` of them) from cell to cell.
  struct LevelLabelTally {
    private var kinds: [String: Bool] = [:]
    private let remembered: Int

    init(remembering remembered: Int = 100_000) {
      self.remembered = remembered
    }

    /// How many level labels `text` holds as a cell of a grid.
    mutating func count(_ text: String) -> Int {
      if text.isEmpty { return 0 }
      // A cell that may hold several cells run together is read as text is.
      let shape = shortShape(text)
      if shape.map({ !$0.short }) ?? (text.count > 12 || text.contains(where: \.isWhitespace)) {
        return levelLabelCount(in: [text])
      }
      if shape?.noLabel == true { return 0 }
      let isLabel: Bool
      if let known = kinds[text] {
        isLabel = known
      } else {
        let kind = CellClassifier.classify(text)
        isLabel = kind == .level1 || kind == .level2 || kind == .eitherLevel
        if kinds.count < remembered { kinds[text] = isLabel }
      }
      return isLabel ? 1 : 0
    }
  }

  /// For text whose every scalar is a character of its own (ASCII, Latin-1 letters, CJK
  /// ideographs and punctuation, full-width forms, symbols; no CR, no combining mark, joiner or
  /// emoji): whether it is short (at most 12 characters, no white space) and whether it is
  /// plainly no level label. A label's core (`LevelLabels.core`) is a known word or a group's
  /// `…满意度`, and holds no digit: the key keeps every ASCII digit of a text without brackets
  /// (only a bracketed score or note is dropped), so a text with an ASCII digit, no `(` or `（`
  /// and no `度` is no label. Nil for any other text (then `Character`s decide).
  static func shortShape(_ text: String) -> (short: Bool, noLabel: Bool)? {
    var scalars = 0
    var space = false
    var digit = false
    var bracketOrDu = false
    for s in text.unicodeScalars {
      let v = s.value
      switch v {
      case 0x0D: return nil
      case 0x30...0x39: digit = true
      case 0x28, 0xFF08, 0x5EA6: bracketOrDu = true  // ( （ 度
      case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x20CF, 0x2100...0x27BF,
        0x2E80...0x2FDF, 0x3001...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xFF01...0xFF5E:
        break
      case 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: space = true
      default: return nil
      }
      if s.isSpaceLike { space = true }
      scalars += 1
    }
    let short = scalars <= 12 && !space
    return (short, short && digit && !bracketOrDu)
  }

  static func levelLabelCount(in texts: [String]) -> Int {
    var count = 0
    for text in texts {
      for cell in CellStreamReader.cells(of: text) {
        if cell.kind == .level1 || cell.kind == .level2 || cell.kind == .eitherLevel { count += 1 }
      }
    }
    return count
  }

  /// The form kind the text's title words name.
  static func kind(of text: String) -> Form.Kind {
    let k = LabelFolding.key(String(text.prefix(4000)))
    let selfEvaluation = k.has("自评") || k.has("评价")
    let department = k.has("部门整体")
    switch (department, selfEvaluation) {
    case (true, true): return .departmentSelfEvaluation
    case (true, false): return .departmentTargets
    case (false, true): return .projectSelfEvaluation
    case (false, false): return .projectTargets
    }
  }

  /// The first line that names a form (…绩效…表), trimmed, or nil.
  static func title(in text: String) -> String? {
    titleLines(in: text).first?.text
  }
}
