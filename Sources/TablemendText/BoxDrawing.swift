/// Tables drawn with box-drawing characters (`┌──┬──┐`, `│`, `├──┼──┤`), as text browsers
/// dump bordered HTML tables (`w3m -dump`) and table printers write them: read as the ASCII
/// grid tables they are drawn like (`+--+--+`, `|`), which `pandoc-grid` reads, spans included.
enum BoxDrawing {
  /// True when at least three lines draw table borders.
  static func drawsTables(_ text: String) -> Bool {
    var lines = 0
    var seen = false
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        if seen { lines += 1 }
        if lines >= 3 { return true }
        seen = false
      } else if (0x2500...0x257F).contains(scalar.value) {
        seen = true
      }
    }
    return lines + (seen ? 1 : 0) >= 3
  }

  /// `text` with every box-drawing character replaced by its ASCII grid-table equivalent:
  /// corners and junctions `+`, horizontal lines `-` (double ones `=`, a header rule), vertical
  /// lines `|`. Each replacement is one character for one, so columns stay where they are.
  static func asciiGrid(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    out.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      out.append(ascii(scalar) ?? scalar)
    }
    return String(out)
  }

  static func ascii(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar.value {
    case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2574, 0x2576, 0x2578,
      0x257A, 0x257C, 0x257E:
      return "-"
    case 0x2550: return "="
    case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577,
      0x2579, 0x257B, 0x257D, 0x257F:
      return "|"
    case 0x250C...0x254B, 0x2552...0x256C, 0x256D...0x2570: return "+"
    default: return nil
    }
  }
}
