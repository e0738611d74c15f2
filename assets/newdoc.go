package assets

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"parcours/model"
	"parcours/model/msg"
)

// NewDocument starts a document from template name in language lang
// ("fr" or "en"), dated now.
func NewDocument(name, lang string) (*model.Document, error) {
	data, ok := TemplateJSON(name, lang)
	if !ok {
		return nil, errors.New(msg.T("template.unknown", name, lang))
	}
	doc, err := model.ReadJSON(bytes.NewReader(data), name)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	now := time.Now().UTC().Truncate(time.Second)
	doc.Created, doc.Modified = now, now
	return doc, nil
}
