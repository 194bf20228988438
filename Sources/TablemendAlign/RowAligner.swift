import TablemendVocabulary

/// Places a stream of cells into the columns of one `IndicatorTemplate`: the best-scoring
/// monotone alignment (a Viterbi pass over the cells), where each cell either fills a column
/// after the last one of its row, starts a new row at the 一级, 二级 or 三级 column (the columns
/// before it are covered by a merged cell above and inherited), or is dropped as noise.
///
/// `fit` says how well a kind of cell suits a column; skipping a column inside a row costs
/// what leaving it empty is worth (dear for the name, cheap for a score); row evidence makes a
/// new row cheap where a line or a separator says one starts and dear mid-line when lines are
/// rows.
public struct RowAligner: Sendable {
  /// The columns.
  public var template: IndicatorTemplate
  /// True when every line of the text is a table row.
  public var linesAreRows: Bool

  public init(template: IndicatorTemplate, linesAreRows: Bool) {
    self.template = template
    self.linesAreRows = linesAreRows
  }

  /// Where one cell went: a row number and a column, or nil when it was dropped.
  public struct Placement: Sendable, Hashable {
    public var row: Int
    public var column: Int
  }

  /// The placement of every cell. A long block is aligned in windows of at most `window`
  /// cells, cut at a certain row break where one is near, so that memory stays bounded.
  public func align(_ cells: [StreamCell], window: Int = 20_000) -> [Placement?] {
    guard cells.count > window else { return alignWindow(cells) }
    var out: [Placement?] = []
    out.reserveCapacity(cells.count)
    var start = 0
    var rowOffset = 0
    while start < cells.count {
      var end = min(cells.count, start + window)
      if end < cells.count {
        var k = end
        while k > start + window / 2, cells[k].rowBreak != .strong { k -= 1 }
        if k > start + window / 2 { end = k }
      }
      let part = alignWindow(Array(cells[start..<end]))
      let rows = part.compactMap { $0?.row }.max().map { $0 + 1 } ?? 0
      out += part.map { $0.map { Placement(row: $0.row + rowOffset, column: $0.column) } }
      rowOffset += rows
      start = end
    }
    return out
  }

  /// One Viterbi pass over `cells`.
  func alignWindow(_ cells: [StreamCell]) -> [Placement?] {
    let m = template.roles.count
    guard !cells.isEmpty, m > 0 else { return [] }
    let start = m  // the virtual state before the first cell
    let minus = -1e9
    var best = [Double](repeating: minus, count: m + 1)
    best[start] = 0
    // back[i][state] = (previous state, new row?, dropped?)
    var back: [[(Int, Bool, Bool)]] = []
    back.reserveCapacity(cells.count)
    let numbered = cells.map { Self.isNumberedName($0) }
    // Costs that depend on the columns only, computed once.
    let skips = (0..<m).map(skipInRow)
    let trailings = (0..<m).map(trailing(after:))
    let numberedBlock = numbered.filter { $0 }.count >= 3
    // A cell's fit in every column, its numbering included: the same for every cell of one
    // kind and numbering, so computed once for each.
    var fitsOf: [FitKey: [Double]] = [:]
    for (n, cell) in cells.enumerated() {
      let key = FitKey(kind: cell.kind, numbered: numbered[n])
      let fits: [Double]
      if let known = fitsOf[key] {
        fits = known
      } else {
        let numbering = numberingFit(
          numbered: key.numbered, inNumberedBlock: numberedBlock, key.kind)
        fits = (0..<m).map { fit(key.kind, $0) + numbering[$0] }
        fitsOf[key] = fits
      }
      let same = sameRow(cell.rowBreak)
      let fresh = newRow(cell.rowBreak)
      var next = [Double](repeating: minus, count: m + 1)
      var from = [(Int, Bool, Bool)](repeating: (start, false, true), count: m + 1)
      let isText = cell.kind == .text || cell.kind == .shortText
      for j in 0...m where best[j] > minus / 2 {
        // Drop the cell; of two texts before a row's value, the first is the name (a
        // description follows it), so dropping a text before the name is placed costs more.
        let beforeName = isText && (j < template.nameColumn || j == start)
        let drop = best[j] + dropCost(cell.kind) - (beforeName ? 0.5 : 0)
        if drop > next[j] {
          next[j] = drop
          from[j] = (j, false, true)
        }
        // The same row, a later column.
        if j < m {
          var skip = 0.0
          for c in (j + 1)..<m {
            let s = best[j] + skip + fits[c] + same
            if s > next[c] {
              next[c] = s
              from[c] = (j, false, false)
            }
            skip += skips[c]
          }
        }
        // A new row from the 一级, 二级 or 三级 column.
        let end = j == start ? 0 : trailings[j]
        for c in 0...template.nameColumn {
          let s = best[j] + end + fits[c] + fresh
          if s > next[c] {
            next[c] = s
            from[c] = (j, true, false)
          }
        }
      }
      best = next
      back.append(from)
    }
    // The best final state, its row closed.
    var state = 0
    var top = minus
    for j in 0...m where best[j] > minus / 2 {
      let s = best[j] + (j == start ? 0 : trailings[j])
      if s > top {
        top = s
        state = j
      }
    }
    // Walk back.
    var steps: [(column: Int, newRow: Bool, dropped: Bool)] = []
    for i in stride(from: cells.count - 1, through: 0, by: -1) {
      let (prev, newRow, dropped) = back[i][state]
      steps.append((state, newRow, dropped))
      state = prev
    }
    steps.reverse()
    var out: [Placement?] = []
    var row = -1
    for step in steps {
      if step.dropped {
        out.append(nil)
        continue
      }
      if step.newRow || row < 0 { row += 1 }
      out.append(Placement(row: row, column: step.column))
    }
    return out
  }

  // MARK: Scores

  /// How well a kind of cell suits column `c`.
  func fit(_ kind: CellKind, _ c: Int) -> Double {
    switch template.roles[c] {
    case .level1:
      switch kind {
      case .level1: return 8
      case .eitherLevel: return 6
      case .level2: return -3
      case .shortText: return -2
      case .text, .verdict: return -7
      default: return -30
      }
    case .level2:
      switch kind {
      case .level2: return 8
      case .eitherLevel: return 7
      case .level1: return -5
      case .shortText: return -3
      case .text, .verdict: return -8
      default: return -30
      }
    case .level3:
      switch kind {
      case .text: return 4
      case .shortText: return 3
      case .verdict: return 1
      case .standard: return -8
      case .level2, .eitherLevel: return 0
      case .level1: return -6
      case .value: return -4
      case .filler: return -3
      case .number: return -9
      case .unit: return -12
      case .op: return -12
      case .header, .closing: return -30
      }
    case .target:
      switch kind {
      case .value: return 6
      case .verdict: return 5
      case .number: return 2
      case .shortText: return 3
      case .text: return 2
      case .filler: return 1
      case .op: return -6
      case .unit, .standard: return -6
      case .level1, .level2, .eitherLevel: return -10
      case .header, .closing: return -30
      }
    case .op:
      return kind == .op ? 7 : -30
    case .unit:
      return kind == .unit ? 7 : -30
    case .result:
      switch kind {
      case .value, .verdict: return 4
      case .number: return 2
      case .shortText: return 3
      case .text: return 2
      case .filler: return 1
      case .unit, .standard: return -4
      case .op: return -6
      case .level1, .level2, .eitherLevel: return -10
      case .header, .closing: return -30
      }
    case .weight, .score:
      switch kind {
      case .number: return 5.5
      case .filler: return 1
      case .value: return -3
      case .shortText: return -4
      case .text, .unit, .op, .verdict, .standard: return -8
      case .level1, .level2, .eitherLevel: return -10
      case .header, .closing: return -30
      }
    case .reason, .note:
      switch kind {
      case .standard: return 5
      case .text: return 1.5
      case .shortText, .filler, .verdict: return 1
      case .value: return 0
      case .number: return -2
      case .unit, .op: return -5
      case .level1, .level2, .eitherLevel: return -10
      case .header, .closing: return -30
      }
    }
  }

  /// What a cell's fit in the columns depends on.
  struct FitKey: Hashable {
    var kind: CellKind
    var numbered: Bool
  }

  /// True when a cell is a numbered name (`指标1：…`, `1、…`, `(2)…`).
  static func isNumberedName(_ cell: StreamCell) -> Bool {
    switch cell.kind {
    case .text, .shortText, .verdict:
      return IndicatorAligner.withoutNumbering(cell.text).count < cell.text.count
    default: return false
    }
  }

  /// What numbering says about a cell in each column: a numbered name belongs in the 三级
  /// column and nowhere after it; where a block numbers its names (three or more), text
  /// without a number is less likely a name.
  func numberingFit(numbered: Bool, inNumberedBlock: Bool, _ kind: CellKind) -> [Double] {
    template.roles.map { role in
      if numbered {
        switch role {
        case .level3: return 2
        case .level1, .level2: return 0
        default: return -4
        }
      }
      guard inNumberedBlock, kind == .text || kind == .shortText || kind == .verdict else {
        return 0
      }
      return role == .level3 ? -5 : 0
    }
  }

  /// Leaving column `c` empty between two cells of one row.
  func skipInRow(_ c: Int) -> Double {
    switch template.roles[c] {
    case .level1, .level2: return -2
    case .level3: return -15
    case .target: return -3
    case .op, .unit, .reason, .note: return 0
    case .result, .weight, .score: return -1
    }
  }

  /// Leaving every column after `j` empty at the end of a row. A row of labels alone (a band
  /// row, or a label printed above its rows) costs nothing.
  func trailing(after j: Int) -> Double {
    // A 一级 alone on its row is a band or a vertical label; a 二级 alone is rarer.
    if j == template.level2Column { return -2 }
    if j < template.nameColumn { return 0 }
    var cost = 0.0
    for c in (j + 1)..<template.roles.count {
      switch template.roles[c] {
      case .target: cost -= 4
      default: break
      }
    }
    return cost
  }

  func sameRow(_ evidence: RowEvidence) -> Double {
    switch evidence {
    case .strong: return -8
    case .weak: return 0
    case .none, .against: return 0
    }
  }

  func newRow(_ evidence: RowEvidence) -> Double {
    switch evidence {
    case .strong: return 2
    case .weak: return 0
    case .none: return linesAreRows ? -6 : -1
    case .against: return -12
    }
  }

  func dropCost(_ kind: CellKind) -> Double {
    switch kind {
    case .header, .filler: return -0.5
    case .standard: return -2  // a note where the header names no note column
    case .unit, .op: return -3
    default: return -6
    }
  }
}
