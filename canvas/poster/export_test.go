package poster

// WritePNGStrips is WritePNG painting strips of the given number of rows.
var WritePNGStrips = writePNG
