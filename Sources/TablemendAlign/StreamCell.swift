import TablemendModel
import TablemendVocabulary

/// How sure the text is that a new table row starts at a cell.
public enum RowEvidence: Int, Sendable, Hashable, Comparable {
  /// The cell follows an explicit separator (`|`, a tab) on a line, in text whose lines are
  /// rows: it continues the row.
  case against = -1
  /// The cell continues the line of the cell before it.
  case none = 0
  /// The cell starts a line, in text whose lines are not rows (one cell per line).
  case weak = 1
  /// The cell starts a line in text whose lines are rows, or follows a separator line.
  case strong = 2

  public static func < (a: RowEvidence, b: RowEvidence) -> Bool { a.rawValue < b.rawValue }
}

/// One cell of a flattened table as a text export wrote it, with the evidence of where rows
/// break and what kind of cell it is.
public struct StreamCell: Sendable, Hashable {
  /// The text as printed (trimmed).
  public var text: String
  /// What the text says it is.
  public var kind: CellKind
  /// Where the cell starts (1-based line and column).
  public var location: Location
  /// Whether a row starts at this cell.
  public var rowBreak: RowEvidence

  public init(text: String, location: Location, rowBreak: RowEvidence) {
    self.init(
      text: text, kind: CellClassifier.classify(text), location: location, rowBreak: rowBreak)
  }

  /// A cell whose kind is already known.
  public init(text: String, kind: CellKind, location: Location, rowBreak: RowEvidence) {
    self.text = text
    self.kind = kind
    self.location = location
    self.rowBreak = rowBreak
  }
}

/// `CellClassifier.classify` remembered per text for one document: exports repeat their
/// labels, values and fillers many times.
final class KindMemo {
  private var kinds: [String: CellKind] = [:]
  /// Run-together cuts of whole cells, by text and whether the cell was a whole line.
  var segments: [String: [String]] = [:]
  var lineSegments: [String: [String]] = [:]
  /// True when the text's lines are its cells (a cell-per-line export: many short lines): a
  /// line holding two quantities is then one cell, not two values run together.
  var linesAreCells = false
  /// True when the text has a result column and a score column (a self-evaluation form): a
  /// number written twice and a score after it (`1801803`) is three cells.
  var resultsAndScores = false
  /// True when a header puts a weight column just after the name (`指标名称指标权重…`): a
  /// row's name, weight and target may run together with no sign between them.
  var weightAfterName = false

  func kind(of text: String) -> CellKind {
    if let known = kinds[text] { return known }
    let kind = CellClassifier.classify(text)
    if kinds.count < 200_000 { kinds[text] = kind }
    return kind
  }
}
