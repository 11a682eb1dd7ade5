import { projectUrlSegment } from '#domain/project-url';

describe('projectUrlSegment', () => {
  it.each([
    ['software', 'software'],
    ['business', 'core'],
    ['service_desk', 'servicedesk'],
  ])('Jira type %s lives under /jira/%s/projects/', (type, segment) => {
    expect(projectUrlSegment(type)).toBe(segment);
  });

  it('passes a type it does not know through unchanged', () => {
    expect(projectUrlSegment('product_discovery')).toBe('product_discovery');
  });
});
