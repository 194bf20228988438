import TablemendModel

/// One character drawn on a page: its Unicode text, its box and its font size.
///
/// Boxes are in PDF points with the origin at the top left of the page and y growing down,
/// after the page's transform and rotation (what MuPDF's structured text gives).
public struct Glyph: Sendable, Hashable {
  /// The character as text (one `Character`; a ligature may give several).
  public var text: String
  /// Where the glyph is drawn.
  public var box: Box
  /// The font size in points.
  public var fontSize: Double

  /// Makes a glyph.
  public init(text: String, box: Box, fontSize: Double) {
    self.text = text
    self.box = box
    self.fontSize = fontSize
  }

  /// The centre of the box, the point that decides which cell holds the glyph.
  public var centreX: Double { (box.x0 + box.x1) / 2 }
  /// The vertical centre of the box.
  public var centreY: Double { (box.y0 + box.y1) / 2 }
}

/// A straight horizontal or vertical line drawn on a page: a stroked line or a thin filled
/// rectangle, in the page's top-left coordinates.
public struct Ruling: Sendable, Hashable {
  /// Which way a ruling runs.
  public enum Axis: Sendable, Hashable {
    case horizontal, vertical
  }

  /// Which way it runs.
  public var axis: Axis
  /// Its y for a horizontal ruling, its x for a vertical one.
  public var position: Double
  /// Where it starts along its axis (x for horizontal, y for vertical); `start ≤ end`.
  public var start: Double
  /// Where it ends along its axis.
  public var end: Double

  /// Makes a ruling; `start` and `end` may come in either order.
  public init(_ axis: Axis, at position: Double, from start: Double, to end: Double) {
    self.axis = axis
    self.position = position
    self.start = min(start, end)
    self.end = max(start, end)
  }

  /// The ruling's length.
  public var length: Double { end - start }
}

/// What one page holds for the table reader: glyphs, rulings and what cannot be read.
public struct PageContent: Sendable, Hashable {
  /// The 1-based page number.
  public var number: Int
  /// The page's width in points.
  public var width: Double
  /// The page's height in points.
  public var height: Double
  /// Every glyph with a Unicode mapping, in the order the page draws them.
  public var glyphs: [Glyph]
  /// Every ruling (not yet snapped or merged).
  public var rulings: [Ruling]
  /// How many images the page draws (a page of images and no glyphs is a scan).
  public var imageCount: Int
  /// How many glyphs had no Unicode mapping (U+FFFD) and were left out.
  public var unmappedGlyphs: Int

  /// Makes a page.
  public init(
    number: Int, width: Double, height: Double, glyphs: [Glyph] = [], rulings: [Ruling] = [],
    imageCount: Int = 0, unmappedGlyphs: Int = 0
  ) {
    self.number = number
    self.width = width
    self.height = height
    self.glyphs = glyphs
    self.rulings = rulings
    self.imageCount = imageCount
    self.unmappedGlyphs = unmappedGlyphs
  }
}

/// Why mutool's output could not be read: malformed XML, or more than a limit allows.
public struct PDFReadError: Error, Sendable, CustomStringConvertible {
  /// Where: `stext:12:5`, `page 3` …
  public var place: String?
  /// What happened.
  public var message: String

  /// Makes an error.
  public init(place: String? = nil, message: String) {
    self.place = place
    self.message = message
  }

  public var description: String { place.map { "\($0): \(message)" } ?? message }
}
