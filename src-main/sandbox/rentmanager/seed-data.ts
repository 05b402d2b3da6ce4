/** First names for generated people (US census frequent names). */
export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen',
  'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Donald', 'Emily',
  'Steven', 'Kimberly', 'Andrew', 'Donna', 'Joshua', 'Michelle', 'Kenneth', 'Carol', 'Kevin', 'Amanda',
  'Brian', 'Melissa', 'Timothy', 'Deborah', 'Ronald', 'Stephanie', 'Jason', 'Rebecca', 'Jeffrey', 'Laura',
  'Ryan', 'Sharon', 'Jacob', 'Cynthia', 'Gary', 'Kathleen', 'Nicholas', 'Amy', 'Eric', 'Angela',
  'Jonathan', 'Shirley', 'Luis', 'Brenda', 'Priya', 'Wei', 'Aisha', 'Mohammed', 'Sofia', 'Mateo',
  'Hana', 'Kenji', 'Olga', 'Dmitri', 'Fatima', 'Omar', 'Grace', 'Chloe', 'Ethan', 'Noah',
] as const;

/** Last names for generated people. */
export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  "O'Brien", 'Kowalski', 'Patel', 'Kim', 'Chen', 'Okafor', 'Schmidt', 'Rossi', 'Novak', 'Dubois',
] as const;

/** Street names for generated addresses. */
export const STREETS = [
  'Maple Avenue', 'Oak Street', 'Washington Boulevard', 'Lakeview Drive', 'Park Place', 'Cedar Lane',
  'Elm Street', 'Harbor Road', 'River Road', 'Main Street', 'Highland Avenue', 'Chestnut Street',
  'Sunset Boulevard', 'Franklin Avenue', 'Pine Ridge Road', 'Willow Way', 'Market Street', 'Broad Street',
] as const;

/** Cities (with state and a ZIP prefix) for generated properties. */
export const CITIES = [
  { city: 'Knoxville', state: 'TN', zip: '379' },
  { city: 'Columbus', state: 'OH', zip: '432' },
  { city: 'Raleigh', state: 'NC', zip: '276' },
  { city: 'Richmond', state: 'VA', zip: '232' },
  { city: 'Albany', state: 'NY', zip: '122' },
  { city: 'Tampa', state: 'FL', zip: '336' },
  { city: 'Atlanta', state: 'GA', zip: '303' },
  { city: 'Pittsburgh', state: 'PA', zip: '152' },
] as const;

/** Building names for generated properties ("<name> <kind>"). */
export const PROPERTY_NAMES = [
  'Maple Court', 'Riverside', 'Harbor View', 'Oak Street', 'Cedar Ridge', 'Lakeside', 'Willow Creek',
  'Parkside', 'Highland', 'Chestnut Hill', 'Sunset', 'Franklin', 'Pine Ridge', 'Market Square', 'Broadway',
  'Elm Park', 'Stonegate', 'Westfield', 'Brookside', 'Fairview',
] as const;

/** Kinds of building appended to property names. */
export const PROPERTY_KINDS = ['Apartments', 'Lofts', 'Towers', 'Townhomes', 'Residences', 'Commons', 'Flats'] as const;

/** E-mail domains for generated contacts. */
export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com'] as const;
