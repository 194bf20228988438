import TablemendModel

/// Reads decoded text exports: detects the dialect and tokenizes it into rows of raw cells.
public enum TextReader {
  /// The dialects `tokenize` knows, by name.
  public static var dialects: [String] { DialectRegistry.all.map { $0.name } }

  /// Tokenizes `text`, detecting its dialect unless `dialect` names one.
  /// - Throws: `TextError` when a line is longer than the limit or the dialect name is unknown.
  public static func tokenize(_ text: String, dialect: String?, limits: Limits) throws(TextError)
    -> TokenizedText
  {
    // Borders drawn with box-drawing characters are read as an ASCII grid table.
    let text = BoxDrawing.drawsTables(text) ? BoxDrawing.asciiGrid(text) : text
    let lines = try splitLines(text, limits: limits)
    if let dialect {
      guard let chosen = DialectRegistry.dialect(named: dialect) else {
        throw TextError(
          message: "unknown dialect '\(dialect)'; known: \(dialects.joined(separator: ", "))")
      }
      var tokens = try chosen.tokenize(lines, limits: limits)
      let hasTable = tokens.segments.contains {
        if case .rows = $0 { return true }
        return false
      }
      if !hasTable, !lines.isEmpty {
        // A forced dialect that finds nothing says so, with what detection thinks of the text.
        let guess = DialectRegistry.all.max { $0.score(lines) < $1.score(lines) }
        let detected =
          guess.map { $0.score(lines) >= 0.2 ? " (detection reads it as \($0.name))" : "" } ?? ""
        tokens.diagnostics.append(
          Diagnostic(
            .warning, "no-table",
            "--dialect \(dialect) found no table in this text\(detected); text kept as paragraphs",
            at: Location(line: 1, column: 1)))
      }
      return tokens
    }
    var best: (any TextDialect.Type)?
    var bestScore = 0.0
    for candidate in DialectRegistry.all {
      let score = candidate.score(lines)
      if score > bestScore {
        best = candidate
        bestScore = score
      }
    }
    guard let best, bestScore >= 0.2 else {
      // No table structure found: every line is a paragraph.
      var segments: [Segment] = []
      for (i, line) in lines.enumerated() {
        let t = CellCleaner.trim(String(line))
        if !t.isEmpty { segments.append(.paragraph(t, Location(line: i + 1, column: 1))) }
      }
      let note =
        lines.isEmpty
        ? [Diagnostic(.warning, "empty-input", "the input holds no text", at: nil)]
        : [
          Diagnostic(
            .warning, "no-table", "no table structure recognised; text kept as paragraphs",
            at: Location(line: 1, column: 1))
        ]
      return TokenizedText(dialect: "plain", segments: segments, diagnostics: note)
    }
    return try best.tokenize(lines, limits: limits)
  }

  /// Splits on LF, CRLF and CR, enforcing the line-length and line-count limits.
  static func splitLines(_ text: String, limits: Limits) throws(TextError) -> [Substring] {
    var lines: [Substring] = []
    func append(_ line: Substring) throws(TextError) {
      if line.utf8.count > limits.maxLineLength, line.count > limits.maxLineLength {
        throw TextError(
          place: "\(lines.count + 1):1",
          message:
            "line longer than the limit of \(limits.maxLineLength) characters (maxLineLength)")
      }
      if lines.count >= limits.maxLines {
        throw TextError(
          place: "\(lines.count + 1):1", message: "more than \(limits.maxLines) lines (maxLines)")
      }
      lines.append(line)
    }
    // Characters are counted only in a line too long in bytes.
    try text.forEachLine(includingEmptyLast: false) { (line) throws(TextError) in
      try append(line)
    }
    if text.first == "\u{FEFF}", let first = lines.first {
      lines[0] = first.dropFirst()
    }
    return lines
  }
}
