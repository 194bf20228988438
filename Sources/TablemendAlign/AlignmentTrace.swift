import TablemendModel
import TablemendVocabulary

extension IndicatorAligner {
  /// A readable account of how `text` was aligned: every cell with its place, row evidence and
  /// kind, then each block's columns and rows. For `tablemend cells`, to see why an indicator
  /// came out as it did.
  public static func trace(_ text: String) -> String {
    let stream = CellStreamReader.read(text)
    let cells = stream.cells
    var out = "cells (line:column evidence kind text; evidence: # row starts, ~ may start, "
    out += "- may continue, = continues):\n"
    for cell in cells {
      let evidence: String
      switch cell.rowBreak {
      case .against: evidence = "="
      case .none: evidence = "-"
      case .weak: evidence = "~"
      case .strong: evidence = "#"
      }
      out +=
        "  \(cell.location.line):\(cell.location.column) \(evidence) \(describe(cell.kind)) \(cell.text)\n"
    }
    out += "lines are rows: \(stream.linesAreRows)\n"
    forEachBlock(stream) { found in
      let template = found.template
      out += "block at cell \(found.dataStart)..<\(found.end), columns: "
      out += template.roles.map(\.rawValue).joined(separator: " | ") + "\n"
      if template == .unsupported {
        out += "  (a header the aligner does not model: left to the grid reading)\n"
      }
      guard let slice = found.slice, let placements = found.placements else { return }
      var row = -1
      for (cell, placement) in zip(slice, placements) {
        guard let placement else {
          out += "      (dropped) \(cell.text)\n"
          continue
        }
        if placement.row != row {
          row = placement.row
          out += "  row \(row):\n"
        }
        out += "    \(template.roles[placement.column].rawValue): \(cell.text)\n"
      }
    }
    return out
  }

  static func describe(_ kind: CellKind) -> String {
    if case .header(let role) = kind { return "header(\(role.rawValue))" }
    return "\(kind)"
  }
}
