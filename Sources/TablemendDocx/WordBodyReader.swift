import TablemendModel

/// Walks a WordprocessingML `w:document` in one pass and collects its body as blocks.
///
/// Text rules: `w:t` in runs is kept as written; `w:tab`/`w:ptab` give a tab; `w:br` and
/// `w:cr` give a newline inside the paragraph; `w:ins` and `w:moveTo` are kept; `w:del`,
/// `w:moveFrom`, `w:delText`, field instructions (`w:instrText`, and everything between a
/// field's `begin` and `separate`) are dropped; field results are kept. Drawings, VML,
/// embedded objects and `mc:Fallback` are skipped (text boxes are not body text), as are the
/// `*Change` elements that hold the properties before a tracked change (an old grid or span).
/// Paragraphs outside tables that hold only whitespace are left out of the blocks.
struct WordBodyReader {
  private let stream: XMLStream
  private let limits: Limits
  private(set) var blocks: [Block] = []
  private(set) var diagnostics: [Diagnostic] = []

  /// The innermost open table, and the tables it is nested in (outermost first).
  private var table: DocxTableBuilder?
  private var outerTables: [DocxTableBuilder] = []
  private var finishedNested: [Table] = []
  private var tableCount = 0
  private var rootDepth = 0
  /// Open elements below the root: their Word local name, `other` outside Word's namespace.
  private var parents: [XMLLocalName] = []
  /// Open paragraphs: where each one's text starts in `text`, and its location.
  private var paragraphs: [(start: Int, location: Location?)] = []
  /// The UTF-8 text of the open paragraphs, innermost last.
  private var text: [UInt8] = []
  private var inText = 0
  private var fields: [Bool] = []
  private var instructionFields = 0
  private var skipDepth: Int?
  /// A table just ended, held back in case the next element is a table to join to it.
  private var adjacent: (builder: DocxTableBuilder, depth: Int, stack: Int)?

  init(stream: XMLStream, limits: Limits) {
    self.stream = stream
    self.limits = limits
  }

  /// Starts on the stream's current event, a `w:document` start.
  mutating func begin() {
    rootDepth = stream.depth
  }

  /// Handles the stream's current event, one after `begin`.
  /// - Returns: true at the `w:document` end.
  /// - Throws: `DocxError` on a table past the limits.
  mutating func handle() throws(DocxError) -> Bool {
    if case .some = adjacent, skipDepth == nil, let held = adjacent {
      let sameLevel = stream.depth == held.depth && openTables == held.stack
      let keeps =
        stream.kind == .elementStart && sameLevel && stream.name.namespace == .word
        && stream.name.local.isTransparentBetweenTables
      let closes = stream.kind == .elementEnd && stream.depth < held.depth
      if closes || (stream.kind == .elementStart && !keeps) { try flushAdjacent() }
    }
    switch stream.kind {
    case .elementStart:
      if skipDepth != nil { return false }
      if try start() {
        skipDepth = stream.depth
        return false
      }
      parents.append(stream.name.namespace == .word ? stream.name.local : .other)
    case .elementEnd:
      if let depth = skipDepth {
        if stream.depth == depth { skipDepth = nil }
        return false
      }
      if stream.depth == rootDepth {
        try flushAdjacent()
        return true
      }
      end()
    case .text:
      if skipDepth == nil, inText > 0, instructionFields == 0, !paragraphs.isEmpty {
        text.append(contentsOf: stream.textBytes)
      }
    }
    return false
  }

  /// Handles an element start. Returns true when the element's subtree is to be skipped.
  private mutating func start() throws(DocxError) -> Bool {
    let name = stream.name
    if name.namespace == .compatibility { return name.local == .fallback }
    guard name.namespace == .word else { return false }
    let inRun = parents.last == .r
    switch name.local {
    case let local where local.isSkippedInWord:
      return true
    case .p:
      paragraphs.append((text.count, inTable ? nil : stream.currentLocation()))
    case .t:
      if inRun { inText += 1 }
    case .tab, .ptab:
      if inRun { append("\t") }
    case .br, .cr:
      if inRun { append("\n") }
    case .noBreakHyphen:
      if inRun { append("\u{2011}") }
    case .softHyphen:
      if inRun { append("\u{00AD}") }
    case .sym:
      if inRun, let code = stream.attributeInElementNamespace("char"),
        let value = UInt32(code, radix: 16), let scalar = Unicode.Scalar(value)
      {
        append(String(Character(scalar)))
      }
    case .fldChar:
      switch stream.attributeInElementNamespace("fldCharType") {
      case "begin":
        fields.append(true)
        instructionFields += 1
      case "separate":
        if let last = fields.indices.last, fields[last] {
          fields[last] = false
          instructionFields -= 1
        }
      case "end":
        if let last = fields.popLast(), last { instructionFields -= 1 }
      default: break
      }
    case .tbl:
      if var joined = adjacent.take() {
        // Nothing between this table and the last one: Word shows them as one table.
        joined.builder.segments.append(.init(firstRow: joined.builder.rows.count))
        push(joined.builder)
        return false
      }
      tableCount += 1
      let id = "t\(tableCount)"
      if table?.hasCell == true { table?.cell?.tables.append(id) }
      push(DocxTableBuilder(id: id, location: stream.currentLocation()))
    case .gridCol:
      if parents.last == .tblGrid, let segment = table?.segments.indices.last {
        let width = stream.attributeInElementNamespace("w").flatMap { Int($0) } ?? 0
        table?.segments[segment].widths.append(width)
      }
    case .tr:
      if inTable { table?.row = DocxRowDraft() }
    case .gridBefore, .gridAfter:
      if parents.last == .trPr, table?.hasRow == true {
        if name.local == .gridBefore {
          let count = number("w:gridBefore")
          table?.row?.gridBefore = count
        } else {
          let count = number("w:gridAfter")
          table?.row?.gridAfter = count
        }
      }
    case .tc:
      if inTable {
        if table?.hasRow == false { table?.row = DocxRowDraft() }
        table?.cell = DocxCellDraft(location: stream.currentLocation())
      }
    case .gridSpan:
      if parents.last == .tcPr, table?.hasCell == true {
        let span = max(1, number("w:gridSpan"))
        table?.cell?.gridSpan = span
      }
    case .vMerge:
      if parents.last == .tcPr, table?.hasCell == true {
        table?.cell?.verticalMerge = MergeMark(
          value: stream.attributeInElementNamespace("val"))
      }
    case .hMerge:
      if parents.last == .tcPr, table?.hasCell == true {
        table?.cell?.horizontalMerge = MergeMark(
          value: stream.attributeInElementNamespace("val"))
      }
    default:
      break
    }
    return false
  }

  private mutating func end() {
    let local = parents.popLast() ?? .other
    switch local {
    case .t:
      if inText > 0, parents.last == .r { inText -= 1 }
    case .p:
      guard let paragraph = paragraphs.popLast() else { return }
      let content = String(decoding: text[paragraph.start...], as: UTF8.self)
      text.removeSubrange(paragraph.start...)
      if inTable {
        if table?.hasCell == true { table?.cell?.paragraphs.append(content) }
      } else if let location = paragraph.location, !content.allSatisfy(\.isWhitespace) {
        blocks.append(.paragraph(content, location))
      }
    case .tc:
      table?.finishCell()
    case .tr:
      table?.finishRow()
    case .tbl:
      guard let builder = table.take() else { return }
      table = outerTables.popLast()
      adjacent = (builder, stream.depth, openTables)
    default:
      break
    }
  }

  /// Pattern tests rather than `== nil`, which copies the builder to compare it.
  private var inTable: Bool {
    if case .some = table { return true }
    return false
  }

  private var openTables: Int { outerTables.count + (inTable ? 1 : 0) }

  private mutating func push(_ builder: DocxTableBuilder) {
    if let outer = table.take() { outerTables.append(outer) }
    table = builder
  }

  /// Builds the held-back table and files it: a block at the top level, else a nested table.
  private mutating func flushAdjacent() throws(DocxError) {
    guard let held = adjacent.take() else { return }
    let built = try held.builder.build(limits: limits)
    diagnostics += built.diagnostics
    if held.stack == 0 {
      blocks.append(.table(built.table))
      let nested = finishedNested.sorted { number(ofTable: $0.id) < number(ofTable: $1.id) }
      blocks += nested.map { .table($0) }
      finishedNested.removeAll()
    } else {
      finishedNested.append(built.table)
    }
  }

  private mutating func append(_ piece: String) {
    guard instructionFields == 0, !paragraphs.isEmpty else { return }
    text.append(contentsOf: piece.utf8)
  }

  /// A non-negative integer `w:val`, or 0 with a diagnostic when it is not one.
  private mutating func number(_ element: String) -> Int {
    guard let raw = stream.attributeInElementNamespace("val") else { return 0 }
    // Clamped so that sums of spans cannot overflow; a table that wide fails the cell limit.
    if let value = Int(raw.trimmingWhitespace()), value >= 0 {
      return min(value, limits.maxCellsPerTable + 1)
    }
    diagnostics.append(
      Diagnostic(
        .warning, "docx-bad-number", "\(element) has w:val=\"\(raw)\", not a count; read as none",
        at: stream.currentLocation()))
    return 0
  }

  private func number(ofTable id: String) -> Int { Int(id.dropFirst()) ?? 0 }
}

extension String {
  fileprivate func trimmingWhitespace() -> Substring {
    var slice = Substring(self)
    while slice.first?.isWhitespace == true { slice.removeFirst() }
    while slice.last?.isWhitespace == true { slice.removeLast() }
    return slice
  }
}
