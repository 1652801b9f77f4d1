import { renderToStaticMarkup } from 'react-dom/server';
import { ColorField } from './ColorField';

describe('ColorField', () => {
  it('shows the colour in the picker and as editable text', () => {
    const html = renderToStaticMarkup(<ColorField label="Primary colour" value="#AA3300" onChange={() => undefined} />);
    expect(html).toContain('type="color"');
    expect(html).toContain('value="#aa3300"');
    expect(html).toContain('value="#AA3300"');
    expect(html).toContain('aria-label="Primary colour code"');
  });

  it('keeps the picker valid while the text is half typed, and shows the error', () => {
    const html = renderToStaticMarkup(
      <ColorField label="Primary colour" value="#aa" onChange={() => undefined} error="must be a #rrggbb colour" />,
    );
    expect(html).toContain('type="color" value="#000000"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('must be a #rrggbb colour');
  });
});
